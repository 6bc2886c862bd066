// DERIVED_FROM edges that touch any of the given sources, in either direction.
UNWIND $p.sourceIds AS sourceId
MATCH (s:Source {id: sourceId})-[d:DERIVED_FROM]-(:Source)
RETURN DISTINCT startNode(d).id AS sourceId, endNode(d).id AS derivedFromId, d.kind AS kind
