// What a graph view draws of each node: its kind and properties (no relationships: the view has its own edges).
UNWIND $p.ids AS wanted
MATCH (n:Entity {id: wanted})
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, properties(n) AS props
