// Sets each organization's PART_OF parent, replacing a different earlier parent.
UNWIND $p.rows AS row
MATCH (n:Organization {id: row.id})
MATCH (parent:Organization {id: row.partOf})
CALL (n, row) {
  MATCH (n)-[old:PART_OF]->(other)
  WHERE other.id <> row.partOf
  DELETE old
}
MERGE (n)-[:PART_OF]->(parent)
