// Creates claims new to the graph in one pass (cheaper than MERGE when the ids are known to be new).
UNWIND $p.rows AS row
CREATE (c:Claim:Entity)
SET c = row.props,
    c.id = row.id,
    c.recordedAt = datetime($p.now),
    c.statedAt = CASE WHEN row.statedAt IS NULL THEN null ELSE datetime(row.statedAt) END,
    c.periodStart = CASE WHEN row.periodStart IS NULL THEN null ELSE date(row.periodStart) END,
    c.periodEnd = CASE WHEN row.periodEnd IS NULL THEN null ELSE date(row.periodEnd) END
