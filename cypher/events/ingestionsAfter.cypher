// Ingestions committed after a cursor, in commit order, each with the claims it added or corrected (not those it restated unchanged) and what a subscription's filter looks at: each replica's one query for all its subscribers and watches.
MATCH (i:Ingestion)
WHERE i.seq > $p.after
WITH i ORDER BY i.seq LIMIT toInteger($p.limit)
RETURN i.seq AS seq, i {.*, at: toString(i.at)} AS ingestion,
  COLLECT {
    MATCH (i)-[:WROTE]->(c:Claim)
    WITH c, EXISTS { (c)-[:HAS_REVISION]->(:Revision {ingestionId: i.id}) } AS corrected
    // Added: recorded at this ingestion's instant and written by no earlier one (a bulk import's documents share one instant).
    WHERE corrected OR (c.recordedAt = i.at AND NOT EXISTS { MATCH (earlier:Ingestion)-[:WROTE]->(c) WHERE earlier.seq < i.seq })
    RETURN c {
      .id, .status, .confidence,
      change: CASE WHEN corrected THEN 'CORRECTED' ELSE 'ADDED' END,
      measureId: COLLECT { MATCH (c)-[:ABOUT]->(m:Measure) RETURN m.id }[0],
      sourceIds: COLLECT { MATCH (c)-[:STATED_IN]->(s:Source) RETURN s.id },
      agentIds: COLLECT { MATCH (c)-[:ATTRIBUTED_TO]->(a) RETURN a.id },
      parentAgentIds: COLLECT { MATCH (c)-[:ATTRIBUTED_TO]->(:Organization)-[:PART_OF]->+(o:Organization) RETURN DISTINCT o.id },
      regionIds: COLLECT { MATCH (c)-[:IN_REGION]->(r:Region) RETURN r.id },
      parentRegionIds: COLLECT { MATCH (c)-[:IN_REGION]->(:Region)-[:PART_OF]->+(r:Region) RETURN DISTINCT r.id }
    } AS claim ORDER BY claim.id
  } AS claims
ORDER BY seq
