// Creates or updates organizations; given properties are set, aliases are added to the known ones.
UNWIND $p.rows AS row
MERGE (n:Organization:Entity {id: row.id})
  ON CREATE SET n.recordedAt = datetime($p.now), n.aliases = [], n.ownerSourceId = row.ownerSourceId
  ON MATCH SET n.ownerSourceId = coalesce(n.ownerSourceId, row.ownerSourceId)
SET n += row.props
SET n.aliases = n.aliases + [a IN row.aliases WHERE NOT a IN n.aliases]
SET n.aliasText = reduce(acc = '', a IN n.aliases | acc + a + ' | ')
