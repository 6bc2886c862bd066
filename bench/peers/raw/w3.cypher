// W3 for the raw-driver peer: a source and three hops of what it derives from.
MATCH (s:Source {id: $id})
RETURN s.id AS id, s.title AS title,
       [(s)-[:DERIVED_FROM]->(a:Source) | a {.id, .title,
         derivedFrom: [(a)-[:DERIVED_FROM]->(b:Source) | b {.id, .title,
           derivedFrom: [(b)-[:DERIVED_FROM]->(x:Source) | x {.id, .title}]}]}] AS derivedFrom
