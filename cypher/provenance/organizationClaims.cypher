// For each organization: its claims (attributed to it, its subsidiaries or people with roles in them; 5,000 at most) in compact form, and the sources it published or authored.
UNWIND $p.organizationIds AS orgId
MATCH (org:Organization {id: orgId})
CALL (org) {
  MATCH (agent:Entity)-[:PART_OF|ROLE*0..8]->(org)
  MATCH (c:Claim)-[:ATTRIBUTED_TO]->(agent)
  WITH DISTINCT c
  ORDER BY c.id
  LIMIT 5001
  OPTIONAL MATCH (c)-[:ABOUT]->(m:Measure)
  OPTIONAL MATCH (c)-[:COVERS]->(pd:Period)
  RETURN collect({
    id: c.id, value: c.value, low: c.low, high: c.high, bound: c.bound, aggregation: c.aggregation,
    per: c.per, unit: c.unit, periodStart: c.periodStart, periodEnd: c.periodEnd, statedAt: c.statedAt,
    measureId: m.id, periodId: pd.id,
    regionIds: [(c)-[:IN_REGION]->(r:Region) | r.id],
    sourceIds: [(c)-[:STATED_IN]->(s:Source) | s.id]
  }) AS claims
}
RETURN org.id AS organizationId,
       claims,
       COLLECT {
         MATCH (agent:Entity)-[:PART_OF|ROLE*0..8]->(org)
         MATCH (s:Source)-[:PUBLISHED_BY|AUTHORED_BY]->(agent)
         RETURN DISTINCT s.id
       } AS sourceIds
