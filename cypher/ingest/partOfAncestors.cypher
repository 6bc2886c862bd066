// The stored PART_OF edges above each given organization or region (itself included), 32 levels at a time, for ingest's cycle check.
UNWIND $p.ids AS startId
MATCH (:Entity {id: startId})-[:PART_OF*0..32]->(n)
WITH DISTINCT n
OPTIONAL MATCH (n)-[:PART_OF]->(parent)
RETURN n.id AS id, parent.id AS parentId
