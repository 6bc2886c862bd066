// Creates the periods claims cover; a period is identified by its start, end and granularity.
UNWIND $p.rows AS row
MERGE (p:Period:Entity {id: row.id})
  ON CREATE SET p.start = date(row.start),
                p.end = CASE WHEN row.end IS NULL THEN null ELSE date(row.end) END,
                p.granularity = row.granularity,
                p.recordedAt = datetime($p.now)
SET p.label = coalesce(p.label, row.label)
