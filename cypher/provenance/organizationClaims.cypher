// One organization's claims (attributed to it, its subsidiaries or people with roles in them; 5,001 at most, to tell a cut), one compact tuple per row (rows.ts CompactClaimWire): small records decode fast.
MATCH (org:Organization {id: $p.organizationId})
MATCH (agent:Entity)-[:PART_OF|ROLE*0..8]->(org)
MATCH (c:Claim)-[:ATTRIBUTED_TO]->(agent)
WITH DISTINCT c
ORDER BY c.id
LIMIT 5001
OPTIONAL MATCH (c)-[:ABOUT]->(m:Measure)
OPTIONAL MATCH (c)-[:COVERS]->(pd:Period)
RETURN [
  c.id, c.value, c.low, c.high, c.bound, c.precision, c.aggregation, c.per, c.unit,
  toString(c.periodStart), toString(c.periodEnd), c.statedAt.epochMillis,
  m.id, pd.id,
  [(c)-[:IN_REGION]->(r:Region) | r.id],
  [(c)-[:STATED_IN]->(s:Source) | s.id]
] AS claim
