// Claims comparable with a claim, each with where its region lies (SAME, PART of this claim's, the WHOLE it lies in, or UNSTATED): same measure and aggregation (none stated counts as NONE), or a share and an absolute figure of what its measure declares it a share of (shareBase, sharePart); regions equal or nested either way, or either claim stating no region (an unstated scope is compared, not hidden); periods sharing at least a day (open ends run to the date stated; a claim without a period stays in); 500 at most.
MATCH (c:Claim {id: $p.claimId})
OPTIONAL MATCH (c)-[:ABOUT]->(m:Measure)
WITH c, m, COLLECT { MATCH (c)-[:IN_REGION]->(r:Region) RETURN r } AS regions,
     coalesce(c.periodEnd, date(c.statedAt), date()) AS cEnd, c.aggregation = 'SHARE' AS isShare
// The measures whose claims can compare with it: its own; for a share, the measure of the absolute
// part; for an absolute figure, the share measures declaring it their part.
WITH c, m, regions, cEnd, isShare,
     CASE WHEN m IS NULL THEN [] ELSE [m] + COLLECT {
       MATCH (part:Measure {id: coalesce(m.sharePart, m.id)}) WHERE isShare AND m.shareBase IS NOT NULL AND part <> m RETURN part
       UNION
       MATCH (share:Measure) WHERE NOT coalesce(isShare, false) AND share.shareBase IS NOT NULL AND coalesce(share.sharePart, share.id) = m.id AND share <> m RETURN share AS part
     } END AS family
// The claim's regions, the regions they lie in, and the regions inside them.
WITH c, m, regions, cEnd, isShare, family,
     COLLECT { UNWIND regions AS r MATCH (r)-[:PART_OF*1..8]->(up:Region) RETURN up } AS wholes,
     COLLECT { UNWIND regions AS r MATCH (r)<-[:PART_OF*1..8]-(down:Region) RETURN down } AS parts
WITH c, m, regions, cEnd, isShare, family, wholes, parts, regions + wholes + parts AS scope
RETURN c.id AS claimId,
       COLLECT {
         UNWIND family AS fm
         MATCH (fm)<-[:ABOUT]-(o:Claim)
         WHERE o <> c
           AND ((fm = m AND coalesce(o.aggregation, 'NONE') = coalesce(c.aggregation, 'NONE'))
                OR (isShare AND m.shareBase IS NOT NULL AND fm.id = coalesce(m.sharePart, m.id) AND coalesce(o.aggregation, 'NONE') <> 'SHARE')
                OR (NOT coalesce(isShare, false) AND o.aggregation = 'SHARE' AND fm.shareBase IS NOT NULL AND coalesce(fm.sharePart, fm.id) = m.id))
           AND (c.periodStart IS NULL OR o.periodStart IS NULL
                OR (o.periodStart <= cEnd AND coalesce(o.periodEnd, date(o.statedAt), date()) >= c.periodStart))
           AND (size(regions) = 0
                OR NOT EXISTS { (o)-[:IN_REGION]->(:Region) }
                OR EXISTS { (o)-[:IN_REGION]->(r:Region) WHERE r IN scope })
         WITH o, COLLECT { MATCH (o)-[:IN_REGION]->(r:Region) RETURN r } AS theirs
         RETURN DISTINCT {id: o.id, region: CASE
                  WHEN size(regions) = 0 OR size(theirs) = 0 THEN 'UNSTATED'
                  WHEN any(r IN theirs WHERE r IN regions) THEN 'SAME'
                  WHEN any(r IN theirs WHERE r IN wholes) THEN 'WHOLE'
                  ELSE 'PART' END} AS hit
         ORDER BY hit.id
         LIMIT 500
       } AS candidates
