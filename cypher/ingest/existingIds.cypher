// Which of the given ids exist in the graph, as which kind (dangling references are refused), and a measure's unit (a claim's must fit it).
UNWIND $p.ids AS wanted
MATCH (n:Entity {id: wanted})
WITH n, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind
RETURN n.id AS id, kind, CASE WHEN kind = 'Measure' THEN n.unit END AS unit
