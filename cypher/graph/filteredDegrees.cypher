// How many relationships each node has within the given types and neighbour labels (what "expand" would add to a narrowed view).
UNWIND $p.ids AS nodeId
MATCH (n:Entity {id: nodeId})
RETURN n.id AS id,
       COUNT {
         MATCH (n)-[r]-(m:Entity)
         WHERE (size($p.types) = 0 OR type(r) IN $p.types)
           AND (size($p.labels) = 0 OR any(l IN labels(m) WHERE l IN $p.labels))
       } AS degree
