// Entities by id, any kind, with the ids of their small neighbourhoods (no claim lists), and also the nodes up to $p.depth (1..3) outgoing $p.types hops away (the cards a query's selection needs), in one round trip; temporals travel as millis and ISO dates (src/db/wireTemporals.ts), edges as [type, id, props]; one record whose rows are tuples [id, kind, props, out, in] (one record, not one per node: fewer Bolt messages and driver Records).
UNWIND $p.ids AS wanted
MATCH (root:Entity {id: wanted})
WITH collect(root) AS roots
WITH roots + COLLECT {
  WITH roots WHERE size($p.types) > 0
  UNWIND roots AS r
  MATCH (r)-[rels*1..3]->(m:Entity)
  WHERE size(rels) <= $p.depth AND all(x IN rels WHERE type(x) IN $p.types)
  RETURN DISTINCT m
} AS found
UNWIND found AS n
WITH DISTINCT n
// @include entityWire
RETURN collect([id, kind, props, out, `in`]) AS rows
