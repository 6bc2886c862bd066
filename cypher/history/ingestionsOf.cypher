// The ingestions that wrote each of the given claims or entities, newest first (at most 100 each).
UNWIND $p.ids AS entityId
MATCH (n:Entity {id: entityId})
RETURN entityId AS id, COLLECT {
  MATCH (i:Ingestion)-[:WROTE]->(n)
  RETURN i {.*, at: toString(i.at)} AS ingestion ORDER BY i.at DESC, i.id DESC LIMIT 100
} AS ingestions
