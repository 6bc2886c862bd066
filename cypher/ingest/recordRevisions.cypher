// Keeps what a claim or entity said before a correction as a Revision node linked to it and to the ingestion that replaced it.
UNWIND $p.rows AS row
MATCH (n:Entity {id: row.entityId})
CREATE (r:Revision {id: row.id, entityId: row.entityId, kind: row.kind, content: row.content, fields: row.fields, validFrom: CASE WHEN row.validFrom IS NULL THEN null ELSE datetime(row.validFrom) END, validUntil: datetime($p.now), ingestionId: row.ingestionId})
CREATE (n)-[:HAS_REVISION]->(r)
SET n.updatedAt = datetime($p.now)
