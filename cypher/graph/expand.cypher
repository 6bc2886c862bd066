// One ring of a graph view: the relationships of the frontier nodes, narrowed by type and neighbour label, in a stable order, up to a limit.
UNWIND $p.ids AS nodeId
MATCH (n:Entity {id: nodeId})-[r]-(m:Entity)
WHERE (size($p.types) = 0 OR type(r) IN $p.types)
  AND (size($p.labels) = 0 OR any(l IN labels(m) WHERE l IN $p.labels))
WITH DISTINCT r, startNode(r) AS a, endNode(r) AS b
ORDER BY type(r), a.id, b.id
LIMIT $limit
RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props
