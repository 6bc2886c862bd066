// One ring of a graph view: up to $perNode relationships of each frontier node (store order, so repeated calls agree), narrowed by type and neighbour label.
UNWIND $p.ids AS nodeId
MATCH (n:Entity {id: nodeId})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE (size($p.types) = 0 OR type(r) IN $p.types)
    AND (size($p.labels) = 0 OR any(l IN labels(m) WHERE l IN $p.labels))
  RETURN r
  LIMIT $perNode
}
RETURN startNode(r).id AS source, type(r) AS type, endNode(r).id AS target, properties(r) AS props
