// Query.corroboration in one round trip: the claims comparable with a claim, each with where its region lies (SAME, PART, WHOLE or UNSTATED; the rules below); the chain subgraph of it and of each (appearances, bases, agents, and every source reachable along DERIVED_FROM, 10 hops at most); the top institutions of every agent behind them (ROLE and PART_OF); the bases of the share claims among them (include/shareBase); and the wire rows of the claim and the comparable claims (entityWire: whole, or with $p.shape what the selection and the comparison read).
// Comparable: same measure and aggregation (none stated counts as NONE), or a share and an absolute figure of what its measure declares it a share of (shareBase, sharePart); regions equal or nested either way, or either claim stating no region (an unstated scope is compared, not hidden); periods sharing at least a day (open ends run to the date stated; a claim without a period stays in); 500 at most.
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
WITH c, COLLECT {
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
WITH c, candidates, [c] + COLLECT { UNWIND candidates AS x MATCH (o:Claim {id: x.id}) RETURN o } AS claims
CALL (claims) {
  UNWIND claims AS k
  MATCH (k)-[:STATED_IN|BASED_ON]->(start:Source)
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
CALL (claims, sources) {
  UNWIND [k IN claims | [(k)-[:ATTRIBUTED_TO]->(a:Entity) | a.id]] + [s IN sources | s.publishers + s.authors] AS agentIds
  UNWIND agentIds AS agentId
  WITH DISTINCT agentId
  MATCH (a:Entity {id: agentId})
  // @include topsOfAgent
  RETURN collect({agentId: a.id, tops: tops}) AS tops
}
CALL (claims) {
  UNWIND [k IN claims | k.id] AS claimId
  // @include shareBase
  RETURN collect({claimId: claimId, partMeasureId: partMeasureId, baseMeasureName: baseMeasureName, regionIds: regionIds, regionNames: regionNames, base: base}) AS shareBases
}
CALL (claims) {
  UNWIND claims AS n
  // @include entityWire
  RETURN collect([id, kind, props, out, `in`]) AS rows
}
RETURN [k IN claims | {
         claimId: k.id,
         appearances: COLLECT { MATCH (k)-[st:STATED_IN]->(s:Source) RETURN {sourceId: s.id, quote: st.quote, statedAt: st.statedAt} },
         basedOn: COLLECT { MATCH (k)-[:BASED_ON]->(b:Source) RETURN b.id },
         attributedTo: COLLECT { MATCH (k)-[:ATTRIBUTED_TO]->(a:Entity) RETURN a.id }
       }] AS chains,
       candidates, sources, tops, shareBases, rows
