// Creates or updates measures (what claims count).
UNWIND $p.rows AS row
MERGE (n:Measure:Entity {id: row.id})
  ON CREATE SET n.recordedAt = datetime($p.now), n.ownerSourceId = row.ownerSourceId
  ON MATCH SET n.ownerSourceId = coalesce(n.ownerSourceId, row.ownerSourceId)
SET n += row.props
