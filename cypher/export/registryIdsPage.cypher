// Every id but claims' and periods' (sources, agents, regions, measures) in id order, a page at a time.
MATCH (n:Entity)
WHERE n.id > $p.afterId AND (n:Source OR n:Organization OR n:Person OR n:Region OR n:Measure)
RETURN n.id AS id
ORDER BY id
LIMIT $limit
