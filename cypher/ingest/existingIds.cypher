// Which of the given ids exist in the graph, and as which kind (dangling references are refused).
UNWIND $p.ids AS wanted
MATCH (n:Entity {id: wanted})
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind
