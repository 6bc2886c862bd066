// Claims comparable with a claim: same measure and aggregation (none stated counts as NONE), regions equal or nested either way, or either claim stating no region (an unstated scope is compared, not hidden), periods sharing at least a day (open ends run to the date stated; a claim without a period stays in); 500 at most.
MATCH (c:Claim {id: $p.claimId})
OPTIONAL MATCH (c)-[:ABOUT]->(m:Measure)
WITH c, m, COLLECT { MATCH (c)-[:IN_REGION]->(r:Region) RETURN r } AS regions,
     coalesce(c.periodEnd, date(c.statedAt), date()) AS cEnd
// The claim's regions, the regions they lie in, and the regions inside them.
WITH c, m, regions, cEnd,
     COLLECT { UNWIND regions AS r MATCH (r)-[:PART_OF*0..8]->(up:Region) RETURN up
               UNION
               UNWIND regions AS r MATCH (r)<-[:PART_OF*1..8]-(down:Region) RETURN down AS up } AS scope
RETURN c.id AS claimId,
       COLLECT {
         MATCH (m)<-[:ABOUT]-(o:Claim)
         WHERE o <> c AND coalesce(o.aggregation, 'NONE') = coalesce(c.aggregation, 'NONE')
           AND (c.periodStart IS NULL OR o.periodStart IS NULL
                OR (o.periodStart <= cEnd AND coalesce(o.periodEnd, date(o.statedAt), date()) >= c.periodStart))
           AND (size(regions) = 0
                OR NOT EXISTS { (o)-[:IN_REGION]->(:Region) }
                OR EXISTS { (o)-[:IN_REGION]->(r:Region) WHERE r IN scope })
         RETURN o.id
         ORDER BY o.id
         LIMIT 500
       } AS candidates
