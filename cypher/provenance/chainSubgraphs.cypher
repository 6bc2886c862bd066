// For each claim: its appearances, bases and agents, and every source reachable along DERIVED_FROM (10 hops at most) with its derivations and agents.
UNWIND $p.claimIds AS claimId
MATCH (c:Claim {id: claimId})
RETURN c.id AS claimId,
       COLLECT {
         MATCH (c)-[st:STATED_IN]->(s:Source)
         RETURN {sourceId: s.id, quote: st.quote, statedAt: st.statedAt}
       } AS appearances,
       COLLECT { MATCH (c)-[:BASED_ON]->(b:Source) RETURN b.id } AS basedOn,
       COLLECT { MATCH (c)-[:ATTRIBUTED_TO]->(a:Entity) RETURN a.id } AS attributedTo,
       COLLECT {
         MATCH (c)-[:STATED_IN|BASED_ON]->(:Source)-[:DERIVED_FROM*0..10]->(x:Source)
         WITH DISTINCT x
         RETURN {
           id: x.id,
           derivedFrom: COLLECT { MATCH (x)-[d:DERIVED_FROM]->(y:Source) RETURN {id: y.id, kind: d.kind} },
           publishers: COLLECT { MATCH (x)-[:PUBLISHED_BY]->(o:Organization) RETURN o.id },
           authors: COLLECT { MATCH (x)-[:AUTHORED_BY]->(p:Person) RETURN p.id }
         }
       } AS sources
