// Every node id in id order, a page at a time (whole-graph export).
MATCH (n:Entity)
WHERE n.id > $p.afterId
RETURN n.id AS id
ORDER BY id
LIMIT $limit
