// The base of each share claim whose measure declares one (shareBase): the base measure's claim in the share's one region whose period shares a day with the share's or that has none, preferring one stated in the same source, then dated, then the most confident.
UNWIND $p.claimIds AS claimId
MATCH (c:Claim {id: claimId})-[:ABOUT]->(m:Measure)
WHERE c.aggregation = 'SHARE' AND m.shareBase IS NOT NULL
OPTIONAL MATCH (bm:Measure {id: m.shareBase})
WITH c, m, bm, COLLECT { MATCH (c)-[:IN_REGION]->(r:Region) RETURN r } AS regions,
     coalesce(c.periodEnd, date(c.statedAt), date()) AS cEnd
RETURN c.id AS claimId,
       coalesce(m.sharePart, m.id) AS partMeasureId,
       coalesce(bm.name, m.shareBase) AS baseMeasureName,
       [r IN regions | r.id] AS regionIds,
       [r IN regions | r.name] AS regionNames,
       CASE WHEN size(regions) = 1 AND bm IS NOT NULL THEN COLLECT {
         MATCH (bm)<-[:ABOUT]-(b:Claim)-[:IN_REGION]->(r:Region)
         WHERE r = regions[0] AND coalesce(b.aggregation, 'NONE') <> 'SHARE'
           AND (b.value IS NOT NULL OR (b.low IS NOT NULL AND b.high IS NOT NULL))
           AND (c.periodStart IS NULL OR b.periodStart IS NULL
                OR (b.periodStart <= cEnd AND coalesce(b.periodEnd, date(b.statedAt), date()) >= c.periodStart))
         WITH b, EXISTS { (b)-[:STATED_IN]->(:Source)<-[:STATED_IN]-(c) } AS sameSource
         ORDER BY sameSource DESC, b.periodStart IS NULL, coalesce(b.confidence, 0) DESC, b.id
         LIMIT 1
         RETURN b { .id, .value, .low, .high, .unit } AS base
       }[0] ELSE null END AS base
