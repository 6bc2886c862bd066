// Entities by id, any kind, with the ids of their small neighbourhoods (no claim lists), and also the neighbours their outgoing $p.types relationships lead to (the cards a query's selection needs), in one round trip; temporals travel as millis and ISO dates (src/db/wireTemporals.ts), edges as [type, id, props].
UNWIND $p.ids AS wanted
MATCH (root:Entity {id: wanted})
WITH collect(root) AS roots
WITH roots + COLLECT {
  UNWIND roots AS r
  MATCH (r)-[rel]->(m:Entity)
  WHERE type(rel) IN $p.types
  RETURN DISTINCT m
} AS found
UNWIND found AS n
WITH DISTINCT n
// @include entityWire
RETURN id, kind, props, out, `in`
