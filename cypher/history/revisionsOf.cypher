// The earlier versions of each of the given claims or entities, newest first (at most 100 each).
UNWIND $p.ids AS entityId
MATCH (n:Entity {id: entityId})
RETURN entityId AS id, COLLECT {
  MATCH (n)-[:HAS_REVISION]->(r:Revision)
  RETURN r {.*, validFrom: toString(r.validFrom), validUntil: toString(r.validUntil)} AS revision ORDER BY r.validUntil DESC, r.id DESC LIMIT 100
} AS revisions
