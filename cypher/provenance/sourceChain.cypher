// Query.sourceChain in one round trip: whole wire rows (entityWire) of the claim and of every source reachable from it along DERIVED_FROM (10 hops at most), whose edges carry the chain; with $p.withAgents also the top institutions of the agents behind the claim and those sources (as provenance/topInstitutions) and the rows of the agents and of every node on their way up.
MATCH (c:Claim {id: $p.claimId})
CALL (c) {
  OPTIONAL MATCH (c)-[:STATED_IN|BASED_ON]->(start:Source)
  OPTIONAL MATCH (start)-[:DERIVED_FROM*0..10]->(x:Source)
  RETURN collect(DISTINCT x) AS reach
}
CALL (c, reach) {
  WITH c, reach WHERE $p.withAgents
  UNWIND [c] + reach AS s
  MATCH (s)-[:ATTRIBUTED_TO|PUBLISHED_BY|AUTHORED_BY]->(a:Entity)
  WITH DISTINCT a
  OPTIONAL MATCH path = (a)-[:ROLE|PART_OF*1..10]->(top:Organization)
  WHERE NOT EXISTS { (top)-[:PART_OF]->(:Organization) }
  WITH a, collect(path) AS paths
  RETURN collect({
           agentId: a.id,
           tops: [q IN paths | {
             topId: last(nodes(q)).id,
             hops: [r IN relationships(q) | {source: startNode(r).id, type: type(r), target: endNode(r).id, title: r.title}]
           }]
         }) AS tops,
         collect(a) + reduce(ns = [], q IN reduce(all = [], ps IN collect(paths) | all + ps) | ns + nodes(q)) AS agentNodes
}
UNWIND [c] + reach + agentNodes AS n
WITH DISTINCT n, tops
// @include entityWire
RETURN tops, collect([id, kind, props, out, `in`]) AS rows
