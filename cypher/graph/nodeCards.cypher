// What a graph view draws of each node (include/nodeCard): kind, label, degree and, when asked for, properties.
UNWIND $p.ids AS wanted
MATCH (n:Entity {id: wanted})
// @include nodeCard
RETURN n.id AS id, kind, label, props, degree
