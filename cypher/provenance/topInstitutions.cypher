// The top institutions of agents along ROLE and PART_OF (an agent with neither is its own top), with the hops that lead there.
UNWIND $p.agentIds AS agentId
MATCH (a:Entity {id: agentId})
OPTIONAL MATCH path = (a)-[:ROLE|PART_OF*1..10]->(top:Organization)
WHERE NOT EXISTS { (top)-[:PART_OF]->(:Organization) }
WITH a, path, top
RETURN a.id AS agentId,
       collect(CASE WHEN top IS NULL THEN null ELSE {
         topId: top.id,
         hops: [r IN relationships(path) | {source: startNode(r).id, type: type(r), target: endNode(r).id, title: r.title}]
       } END) AS tops
