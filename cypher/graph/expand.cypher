// One ring of a graph view: each frontier node that exists, with up to $perNode of its relationships (store order, so repeated calls agree) narrowed by type and neighbour label, as [source, type, target, props].
UNWIND $p.ids AS nodeId
MATCH (n:Entity {id: nodeId})
RETURN n.id AS id,
       COLLECT {
         MATCH (n)-[r]-(m:Entity)
         WHERE (size($p.types) = 0 OR type(r) IN $p.types)
           AND (size($p.labels) = 0 OR any(l IN labels(m) WHERE l IN $p.labels))
         RETURN [startNode(r).id, type(r), endNode(r).id, CASE type(r)
                  WHEN 'STATED_IN' THEN r { .*, statedAt: r.statedAt.epochMillis }
                  WHEN 'ROLE' THEN r { .*, from: toString(r.from), to: toString(r.to) }
                  ELSE properties(r) END]
         LIMIT $perNode
       } AS edges
