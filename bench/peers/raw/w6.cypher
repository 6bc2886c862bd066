// W6 for the raw-driver peer: W5's paths, and each origin with its agents (publisher and authors; for an origin that is the claim's own source, also whom the claim is attributed to) and their top institutions along ROLE and PART_OF (an agent with neither is its own top).
MATCH (c:Claim {id: $id})
CALL (c) {
  MATCH (c)-[:STATED_IN]->(s:Source)
  WITH c, s, COLLECT { MATCH (c)-[:BASED_ON]->(b:Source) RETURN b } AS bases
  CALL (c, s, bases) {
    WITH c, s WHERE size(bases) = 0
    MATCH p = (s)-[:DERIVED_FROM*0..6]->(o:Source)
    WHERE length(p) = 6 OR NOT EXISTS { (o)-[:DERIVED_FROM]->(:Source) }
    RETURN [{from: c.id, relation: 'STATED_IN', kind: null, to: s.id, title: s.title}] +
           [r IN relationships(p) | {from: startNode(r).id, relation: 'DERIVED_FROM', kind: r.kind, to: endNode(r).id, title: endNode(r).title}] AS steps,
           o, CASE WHEN EXISTS { (o)-[:DERIVED_FROM]->(:Source) } THEN 'MAX_DEPTH' ELSE 'ORIGIN' END AS ending
    UNION
    WITH c, s, bases WHERE size(bases) > 0
    UNWIND bases AS b
    WITH c, s, b, bases, COLLECT { MATCH (s)-[d:DERIVED_FROM]->(x:Source) WHERE x IN bases RETURN d } AS via
    WHERE b <> s AND (size(via) = 0 OR any(d IN via WHERE endNode(d) = b))
    OPTIONAL MATCH (s)-[d:DERIVED_FROM]->(b)
    MATCH p = (b)-[:DERIVED_FROM*0..5]->(o:Source)
    WHERE length(p) = 5 OR NOT EXISTS { (o)-[:DERIVED_FROM]->(:Source) }
    RETURN [{from: c.id, relation: 'STATED_IN', kind: null, to: s.id, title: s.title},
            {from: s.id, relation: CASE WHEN d IS NULL THEN 'BASED_ON' ELSE 'DERIVED_FROM' END, kind: d.kind, to: b.id, title: b.title}] +
           [r IN relationships(p) | {from: startNode(r).id, relation: 'DERIVED_FROM', kind: r.kind, to: endNode(r).id, title: endNode(r).title}] AS steps,
           o, CASE WHEN EXISTS { (o)-[:DERIVED_FROM]->(:Source) } THEN 'MAX_DEPTH' ELSE 'ORIGIN' END AS ending
  }
  RETURN collect({steps: steps, end: o.id, endTitle: o.title, ending: ending}) AS paths, collect(DISTINCT o) AS origins
}
UNWIND origins AS o
WITH c, paths, o,
     COLLECT { MATCH (o)-[:PUBLISHED_BY|AUTHORED_BY]->(a:Entity) RETURN a
               UNION
               MATCH (c)-[:STATED_IN]->(o) MATCH (c)-[:ATTRIBUTED_TO]->(a:Entity) RETURN a } AS agents
RETURN paths, collect({
         id: o.id, title: o.title,
         agents: [a IN agents | a.id],
         institutions: COLLECT {
           UNWIND agents AS a
           OPTIONAL MATCH (a)-[:ROLE|PART_OF*1..10]->(top:Organization)
           WHERE NOT EXISTS { (top)-[:PART_OF]->(:Organization) }
           RETURN DISTINCT coalesce(top.id, a.id) AS t
         }
       }) AS origins
