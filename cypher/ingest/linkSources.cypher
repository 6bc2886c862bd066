// Sets publishers, authors and DERIVED_FROM of sources, replacing what the document restates.
UNWIND $p.rows AS row
MATCH (s:Source {id: row.id})
CALL (s, row) {
  WITH s, row WHERE row.publisherId IS NOT NULL
  OPTIONAL MATCH (s)-[old:PUBLISHED_BY]->(other) WHERE other.id <> row.publisherId
  DELETE old
  WITH DISTINCT s, row
  MATCH (o:Organization {id: row.publisherId})
  MERGE (s)-[:PUBLISHED_BY]->(o)
}
CALL (s, row) {
  WITH s, row WHERE row.authorIds IS NOT NULL
  OPTIONAL MATCH (s)-[old:AUTHORED_BY]->(other) WHERE NOT other.id IN row.authorIds
  DELETE old
  WITH DISTINCT s, row
  UNWIND row.authorIds AS authorId
  MATCH (p:Person {id: authorId})
  MERGE (s)-[:AUTHORED_BY]->(p)
}
CALL (s, row) {
  WITH s, row WHERE row.derivedFrom IS NOT NULL
  OPTIONAL MATCH (s)-[old:DERIVED_FROM]->(other) WHERE NOT other.id IN [d IN row.derivedFrom | d.id]
  DELETE old
  WITH DISTINCT s, row
  UNWIND row.derivedFrom AS d
  MATCH (t:Source {id: d.id})
  MERGE (s)-[r:DERIVED_FROM]->(t)
  SET r.kind = d.kind
}
