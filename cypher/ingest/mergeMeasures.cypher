// Creates or updates measures (what claims count).
UNWIND $p.rows AS row
MERGE (n:Measure:Entity {id: row.id})
  ON CREATE SET n.recordedAt = datetime($p.now)
SET n += row.props
