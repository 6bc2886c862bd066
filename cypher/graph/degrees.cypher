// How many relationships each node has within the given types and neighbour labels (what "expand" would add); unfiltered counts come from the degree store.
UNWIND $p.ids AS nodeId
MATCH (n:Entity {id: nodeId})
RETURN n.id AS id,
       CASE WHEN size($p.types) = 0 AND size($p.labels) = 0
         THEN COUNT { (n)--() }
         ELSE COUNT {
           MATCH (n)-[r]-(m:Entity)
           WHERE (size($p.types) = 0 OR type(r) IN $p.types)
             AND (size($p.labels) = 0 OR any(l IN labels(m) WHERE l IN $p.labels))
         }
       END AS degree
