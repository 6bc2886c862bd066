// Links claims to their source, measure, period, regions, agents, bases and superseded claims, dropping links the document no longer states.
UNWIND $p.rows AS row
MATCH (c:Claim {id: row.id})
MATCH (s:Source {id: row.sourceId})
MERGE (c)-[st:STATED_IN]->(s)
SET st.quote = row.statement.quote,
    st.statedAt = CASE WHEN row.statement.statedAt IS NULL THEN null ELSE datetime(row.statement.statedAt) END
WITH c, row
// A claim stated in several sources was first stated at the earliest of them.
SET c.statedAt = coalesce(COLLECT { MATCH (c)-[s:STATED_IN]->(:Source) WHERE s.statedAt IS NOT NULL RETURN s.statedAt ORDER BY s.statedAt LIMIT 1 }[0], c.statedAt)
WITH c, row
CALL (c, row) {
  MATCH (c)-[old:ABOUT|COVERS|IN_REGION|ATTRIBUTED_TO|BASED_ON|SUPERSEDES]->(t)
  WITH old, t,
       CASE type(old)
         WHEN 'ABOUT' THEN [row.measureId]
         WHEN 'COVERS' THEN [row.periodId]
         WHEN 'IN_REGION' THEN row.regionIds
         WHEN 'ATTRIBUTED_TO' THEN row.attributedToIds
         WHEN 'BASED_ON' THEN row.basedOnIds
         ELSE row.supersedesIds
       END AS keep
  WHERE NOT t.id IN [k IN keep WHERE k IS NOT NULL]
  DELETE old
}
CALL (c, row) {
  MATCH (m:Measure {id: row.measureId})
  MERGE (c)-[:ABOUT]->(m)
}
CALL (c, row) {
  MATCH (p:Period {id: row.periodId})
  MERGE (c)-[:COVERS]->(p)
}
CALL (c, row) {
  UNWIND row.regionIds AS regionId
  MATCH (r:Region {id: regionId})
  MERGE (c)-[:IN_REGION]->(r)
}
CALL (c, row) {
  UNWIND row.attributedToIds AS agentId
  MATCH (a:Entity {id: agentId})
  MERGE (c)-[:ATTRIBUTED_TO]->(a)
}
CALL (c, row) {
  UNWIND row.basedOnIds AS basisId
  MATCH (b:Source {id: basisId})
  MERGE (c)-[:BASED_ON]->(b)
}
CALL (c, row) {
  UNWIND row.supersedesIds AS olderId
  MATCH (older:Claim {id: olderId})
  MERGE (c)-[:SUPERSEDES]->(older)
}
// Claims in several regions or of several agents carry a label that counts correct for (claims/anchoredPage).
FOREACH (_ IN CASE WHEN size(row.regionIds) > 1 THEN [1] ELSE [] END | SET c:MultiRegion)
FOREACH (_ IN CASE WHEN size(row.regionIds) > 1 THEN [] ELSE [1] END | REMOVE c:MultiRegion)
FOREACH (_ IN CASE WHEN size(row.attributedToIds) > 1 THEN [1] ELSE [] END | SET c:MultiAgent)
FOREACH (_ IN CASE WHEN size(row.attributedToIds) > 1 THEN [] ELSE [1] END | REMOVE c:MultiAgent)
