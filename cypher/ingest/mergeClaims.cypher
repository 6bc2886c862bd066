// Creates or updates claims already in the graph (owner or admin corrections): absent properties are removed, the first source stays the owner.
UNWIND $p.rows AS row
MERGE (c:Claim:Entity {id: row.id})
  ON CREATE SET c.recordedAt = datetime($p.now)
SET c.ownerSourceId = coalesce(c.ownerSourceId, row.sourceId)
SET c += row.props
SET c.statedAt = CASE WHEN row.statedAt IS NULL THEN null ELSE datetime(row.statedAt) END,
    c.periodStart = CASE WHEN row.periodStart IS NULL THEN null ELSE date(row.periodStart) END,
    c.periodEnd = CASE WHEN row.periodEnd IS NULL THEN null ELSE date(row.periodEnd) END
