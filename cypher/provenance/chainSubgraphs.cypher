// For claims: their appearances, bases and agents; and, once for all of them, every source reachable along DERIVED_FROM (10 hops at most) with its derivations and agents.
UNWIND $p.claimIds AS claimId
MATCH (c:Claim {id: claimId})
WITH collect(c) AS claims
CALL (claims) {
  UNWIND claims AS c
  MATCH (c)-[:STATED_IN|BASED_ON]->(start:Source)
  WITH DISTINCT start
  MATCH (start)-[:DERIVED_FROM*0..10]->(x:Source)
  WITH DISTINCT x
  RETURN collect({
    id: x.id,
    derivedFrom: COLLECT { MATCH (x)-[d:DERIVED_FROM]->(y:Source) RETURN {id: y.id, kind: d.kind} },
    publishers: COLLECT { MATCH (x)-[:PUBLISHED_BY]->(o:Organization) RETURN o.id },
    authors: COLLECT { MATCH (x)-[:AUTHORED_BY]->(p:Person) RETURN p.id }
  }) AS sources
}
RETURN [c IN claims | {
         claimId: c.id,
         appearances: COLLECT { MATCH (c)-[st:STATED_IN]->(s:Source) RETURN {sourceId: s.id, quote: st.quote, statedAt: st.statedAt} },
         basedOn: COLLECT { MATCH (c)-[:BASED_ON]->(b:Source) RETURN b.id },
         attributedTo: COLLECT { MATCH (c)-[:ATTRIBUTED_TO]->(a:Entity) RETURN a.id }
       }] AS claims,
       sources
