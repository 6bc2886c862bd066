// Claims comparable with a claim: same measure and aggregation, and regions equal or nested either way (or neither has a region).
MATCH (c:Claim {id: $p.claimId})
OPTIONAL MATCH (c)-[:ABOUT]->(m:Measure)
WITH c, m, COLLECT { MATCH (c)-[:IN_REGION]->(r:Region) RETURN r.id } AS regions
RETURN c.id AS claimId,
       COLLECT {
         MATCH (m)<-[:ABOUT]-(o:Claim)
         WHERE o <> c AND o.aggregation = c.aggregation
           AND ((size(regions) = 0 AND NOT EXISTS { (o)-[:IN_REGION]->(:Region) })
                OR EXISTS { (o)-[:IN_REGION]->(:Region)-[:PART_OF*0..8]->(r:Region) WHERE r.id IN regions }
                OR EXISTS { (c)-[:IN_REGION]->(:Region)-[:PART_OF*0..8]->(:Region)<-[:IN_REGION]-(o) })
         RETURN o.id
         ORDER BY o.id
         LIMIT 500
       } AS candidates
