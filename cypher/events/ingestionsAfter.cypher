// Ingestions committed after a cursor, in commit order, with the claims each added or corrected (not those it restated unchanged), their measure and the organizations they are attributed to: each replica's one query for all its subscribers and watches.
MATCH (i:Ingestion)
WHERE i.seq > $p.after
WITH i ORDER BY i.seq LIMIT $p.limit
RETURN i.seq AS seq, i.id AS ingestionId, i.sourceId AS sourceId, toString(i.at) AS at,
  COLLECT {
    MATCH (i)-[:WROTE]->(c:Claim)
    WITH c, EXISTS { (c)-[:HAS_REVISION]->(:Revision {ingestionId: i.id}) } AS corrected
    WHERE corrected OR c.recordedAt = i.at
    RETURN c {
      .id,
      change: CASE WHEN corrected THEN 'CORRECTED' ELSE 'ADDED' END,
      measureId: COLLECT { MATCH (c)-[:ABOUT]->(m:Measure) RETURN m.id }[0],
      organizationIds: COLLECT { MATCH (c)-[:ATTRIBUTED_TO]->(o:Organization) RETURN o.id }
    } AS claim ORDER BY claim.id
  } AS claims
ORDER BY seq
