// Entities by id and the nodes up to $p.depth (1..3) outgoing $p.types hops away (the cards a query's selection needs), in one round trip, partial by $p.shape when given; the rows as tuples [id, kind, props, out, in] in ONE record (a few dozen rows: one Bolt message and one driver Record instead of one per node).
// @include entitiesByIds
RETURN collect([id, kind, props, out, `in`]) AS rows
