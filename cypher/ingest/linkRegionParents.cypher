// Sets each region's PART_OF parent (Donetsk Oblast → Ukraine), replacing a different earlier one.
UNWIND $p.rows AS row
MATCH (n:Region {id: row.id})
MATCH (parent:Region {id: row.partOf})
CALL (n, row) {
  MATCH (n)-[old:PART_OF]->(other)
  WHERE other.id <> row.partOf
  DELETE old
}
MERGE (n)-[:PART_OF]->(parent)
