// The ids of the claims one source states, in id order, a page at a time (whole-graph export).
MATCH (:Source {id: $p.sourceId})<-[:STATED_IN]-(c:Claim)
WHERE c.id > $p.afterId
RETURN c.id AS id
ORDER BY id
LIMIT $limit
