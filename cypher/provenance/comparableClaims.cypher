// Claims comparable with a claim: same measure and aggregation, and regions equal or nested either way (or neither has a region); 500 at most.
MATCH (c:Claim {id: $p.claimId})
OPTIONAL MATCH (c)-[:ABOUT]->(m:Measure)
WITH c, m, COLLECT { MATCH (c)-[:IN_REGION]->(r:Region) RETURN r } AS regions
// The claim's regions, the regions they lie in, and the regions inside them.
WITH c, m, regions,
     COLLECT { UNWIND regions AS r MATCH (r)-[:PART_OF*0..8]->(up:Region) RETURN up
               UNION
               UNWIND regions AS r MATCH (r)<-[:PART_OF*1..8]-(down:Region) RETURN down AS up } AS scope
RETURN c.id AS claimId,
       COLLECT {
         UNWIND scope AS s
         MATCH (s)<-[:IN_REGION]-(o:Claim)-[:ABOUT]->(m)
         WHERE o <> c AND o.aggregation = c.aggregation
         RETURN o.id AS id
         UNION
         // Without a region, compare with the measure's other claims without one.
         UNWIND CASE WHEN size(regions) = 0 AND m IS NOT NULL THEN [m] ELSE [] END AS measure
         MATCH (measure)<-[:ABOUT]-(o:Claim)
         WHERE o <> c AND o.aggregation = c.aggregation AND NOT EXISTS { (o)-[:IN_REGION]->(:Region) }
         RETURN o.id AS id
       }[..500] AS candidates
