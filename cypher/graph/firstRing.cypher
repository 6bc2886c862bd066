// A depth-1 graph view in one round trip: each seed that exists with up to $perNode of its relationships (as graph/expand), and the card (include/nodeCard; with the degree narrowed by type and neighbour label, as graph/filteredDegrees) of every seed and of every node those relationships reach. The service keeps the cards of the nodes the view's limit lets in.
UNWIND $p.ids AS nodeId
MATCH (n:Entity {id: nodeId})
WITH n, COLLECT {
  MATCH (n)-[r]-(m:Entity)
  WHERE (size($p.types) = 0 OR type(r) IN $p.types)
    AND (size($p.labels) = 0 OR any(l IN labels(m) WHERE l IN $p.labels))
  RETURN {edge: [startNode(r).id, type(r), endNode(r).id, CASE type(r)
            WHEN 'STATED_IN' THEN r { .*, statedAt: r.statedAt.epochMillis }
            WHEN 'ROLE' THEN r { .*, from: toString(r.from), to: toString(r.to) }
            ELSE properties(r) END], m: m}
  LIMIT $perNode
} AS hits
WITH collect({id: n.id, edges: [h IN hits | h.edge]}) AS ring, collect(n) + reduce(acc = [], hs IN collect(hits) | acc + [h IN hs | h.m]) AS reached
UNWIND reached AS n
WITH DISTINCT ring, n
// @include nodeCard
RETURN ring,
       collect({id: n.id, kind: kind, label: label, props: props, degree: degree,
                narrowedDegree: CASE WHEN size($p.types) = 0 AND size($p.labels) = 0 THEN degree ELSE COUNT {
                  MATCH (n)-[r]-(m:Entity)
                  WHERE (size($p.types) = 0 OR type(r) IN $p.types)
                    AND (size($p.labels) = 0 OR any(l IN labels(m) WHERE l IN $p.labels))
                } END}) AS cards
