// How many relationships each node has (from the degree store: cheap even for dense nodes).
UNWIND $p.ids AS nodeId
MATCH (n:Entity {id: nodeId})
RETURN n.id AS id, COUNT { (n)--() } AS degree
