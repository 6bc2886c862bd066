// Creates claims new to the graph and links them to their source, measure, period, regions, agents, bases and superseded claims, in one pass (cheaper than MERGE: the ids are known to be new).
WITH datetime($p.now) AS now
UNWIND $p.rows AS row
WITH now, row, row.props AS props
CREATE (c:Claim:Entity)
// One map, one SET: each SET clause item is a separate property write with its own checks.
SET c = props {
  .*,
  id: row.id,
  recordedAt: now,
  ownerSourceId: row.sourceId,
  statedAt: datetime(row.statedAt),
  periodStart: date(row.periodStart),
  periodEnd: date(row.periodEnd)
}
WITH c, row
MATCH (s:Source {id: row.sourceId})
CREATE (c)-[:STATED_IN {
  quote: row.statement.quote,
  statedAt: CASE WHEN row.statement.statedAt IS NULL THEN null ELSE datetime(row.statement.statedAt) END
}]->(s)
WITH c, row
CALL (c, row) {
  MATCH (m:Measure {id: row.measureId})
  CREATE (c)-[:ABOUT]->(m)
}
CALL (c, row) {
  MATCH (p:Period {id: row.periodId})
  CREATE (c)-[:COVERS]->(p)
}
CALL (c, row) {
  UNWIND row.regionIds AS regionId
  MATCH (r:Region {id: regionId})
  CREATE (c)-[:IN_REGION]->(r)
}
CALL (c, row) {
  UNWIND row.attributedToIds AS agentId
  MATCH (a:Entity {id: agentId})
  CREATE (c)-[:ATTRIBUTED_TO]->(a)
}
CALL (c, row) {
  UNWIND row.basedOnIds AS basisId
  MATCH (b:Source {id: basisId})
  CREATE (c)-[:BASED_ON]->(b)
}
CALL (c, row) {
  UNWIND row.supersedesIds AS olderId
  MATCH (older:Claim {id: olderId})
  CREATE (c)-[:SUPERSEDES]->(older)
}
// Marks claims in several regions or of several agents (counts sum degrees and correct for these: claims/anchoredPage).
FOREACH (_ IN CASE WHEN size(row.regionIds) > 1 THEN [1] ELSE [] END | SET c:MultiRegion)
FOREACH (_ IN CASE WHEN size(row.attributedToIds) > 1 THEN [1] ELSE [] END | SET c:MultiAgent)
