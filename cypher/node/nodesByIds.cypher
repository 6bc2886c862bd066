// Entities by id, any kind, with the ids of their small neighbourhoods (no claim lists), in one round trip.
UNWIND $p.ids AS wanted
MATCH (n:Entity {id: wanted})
RETURN n.id AS id,
       [l IN labels(n) WHERE l <> 'Entity'][0] AS kind,
       properties(n) AS props,
       COLLECT {
         MATCH (n)-[r]->(m:Entity)
         RETURN {type: type(r), id: m.id, props: properties(r)}
       } AS out,
       COLLECT {
         MATCH (n)<-[r:PART_OF|ROLE|SUPERSEDES|DERIVED_FROM]-(m:Entity)
         RETURN {type: type(r), id: m.id, props: properties(r)}
       } AS `in`
