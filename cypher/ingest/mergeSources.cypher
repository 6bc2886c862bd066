// Creates or updates sources; dates are stored as Neo4j dates.
UNWIND $p.rows AS row
MERGE (n:Source:Entity {id: row.id})
  ON CREATE SET n.recordedAt = datetime($p.now), n.ownerSourceId = row.ownerSourceId
  ON MATCH SET n.ownerSourceId = coalesce(n.ownerSourceId, row.ownerSourceId)
SET n += row.props
SET n.publishedAt = CASE WHEN row.publishedAt IS NULL THEN n.publishedAt ELSE date(row.publishedAt) END,
    n.retrievedAt = CASE WHEN row.retrievedAt IS NULL THEN n.retrievedAt ELSE date(row.retrievedAt) END
