// Query.sourceChain in one round trip: the wire rows (entityWire: whole, or with $p.shape only what the selection and the chain read) of the claim and of every source reachable from it along DERIVED_FROM (10 hops at most), whose edges carry the chain; with $p.withAgents also the top institutions of the agents behind the claim and those sources (include/topsOfAgent) and the rows of the agents and of every node on their way up.
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
  // @include topsOfAgent
  WITH collect({agentId: a.id, tops: tops}) AS agentTops, collect(a) AS agents, collect(tops) AS topLists
  // The nodes on the way up, for the graph view's and PROV's rows.
  RETURN agentTops AS tops, agents + COLLECT {
           UNWIND topLists AS list UNWIND list AS t UNWIND t.hops AS h
           MATCH (x:Entity {id: h.target})
           RETURN DISTINCT x
         } AS agentNodes
}
UNWIND [c] + reach + agentNodes AS n
WITH DISTINCT n, tops
// @include entityWire
RETURN tops, collect([id, kind, props, out, `in`]) AS rows
