// Creates or updates measures (what claims count).
UNWIND $rows AS row
MERGE (n:Measure:Entity {id: row.id})
  ON CREATE SET n.recordedAt = datetime($now)
SET n += row.props
