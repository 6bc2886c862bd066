// W5 for the raw-driver peer: a claim's source chain as claimgraph's sourceChain(maxDepth 6) answers it, each path claim → appearance → (its bases, when the claim names any) → … → an origin or the depth cut; the generated graph has no citation cycles.
MATCH (c:Claim {id: $id})-[:STATED_IN]->(s:Source)
WITH c, s, COLLECT { MATCH (c)-[:BASED_ON]->(b:Source) RETURN b } AS bases
CALL (c, s, bases) {
  WITH c, s WHERE size(bases) = 0
  MATCH p = (s)-[:DERIVED_FROM*0..6]->(o:Source)
  WHERE length(p) = 6 OR NOT EXISTS { (o)-[:DERIVED_FROM]->(:Source) }
  RETURN [{from: c.id, relation: 'STATED_IN', kind: null, to: s.id, title: s.title}] +
         [r IN relationships(p) | {from: startNode(r).id, relation: 'DERIVED_FROM', kind: r.kind, to: endNode(r).id, title: endNode(r).title}] AS steps,
         o.id AS end, o.title AS endTitle,
         CASE WHEN EXISTS { (o)-[:DERIVED_FROM]->(:Source) } THEN 'MAX_DEPTH' ELSE 'ORIGIN' END AS ending
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
         o.id AS end, o.title AS endTitle,
         CASE WHEN EXISTS { (o)-[:DERIVED_FROM]->(:Source) } THEN 'MAX_DEPTH' ELSE 'ORIGIN' END AS ending
}
RETURN steps, end, endTitle, ending
