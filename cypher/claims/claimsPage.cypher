// A keyset page of claims matching ClaimFilter ($f, one map so one cached plan serves every filter) and the count of all matches; the search starts from the most selective filter given.
CALL {
  // Candidates from one anchor, the first filter given of: ids, sources, agents, measures, regions.
  // Each branch runs only when its guard holds, so one index seek and a short walk replace a
  // scan of every claim; the full filter below still applies to whatever an anchor yields.
  WITH $f AS f WHERE size(f.ids) > 0
  UNWIND f.ids AS wanted
  MATCH (c:Claim {id: wanted})
  RETURN c
  UNION
  WITH $f AS f WHERE size(f.ids) = 0 AND size(f.sourceIds) > 0
  MATCH (s:Source)<-[:STATED_IN]-(c:Claim) WHERE s.id IN f.sourceIds
  RETURN c
  UNION
  WITH $f AS f WHERE size(f.ids) = 0 AND size(f.sourceIds) = 0 AND size(f.attributedTo) > 0
  MATCH (o:Entity) WHERE o.id IN f.attributedTo
  MATCH (agent:Entity)-[:PART_OF|ROLE*0..8]->(o) WHERE f.includeSubsidiaries OR agent = o
  MATCH (c:Claim)-[:ATTRIBUTED_TO]->(agent)
  RETURN c
  UNION
  WITH $f AS f WHERE size(f.ids) = 0 AND size(f.sourceIds) = 0 AND size(f.attributedTo) = 0 AND size(f.measureIds) > 0
  MATCH (m:Measure)<-[:ABOUT]-(c:Claim) WHERE m.id IN f.measureIds
  RETURN c
  UNION
  WITH $f AS f WHERE size(f.ids) = 0 AND size(f.sourceIds) = 0 AND size(f.attributedTo) = 0 AND size(f.measureIds) = 0 AND size(f.regionIds) > 0
  MATCH (r:Region) WHERE r.id IN f.regionIds
  MATCH (place:Region)-[:PART_OF*0..8]->(r) WHERE f.includeSubregions OR place = r
  MATCH (c:Claim)-[:IN_REGION]->(place)
  RETURN c
  UNION
  WITH $f AS f WHERE size(f.ids) = 0 AND size(f.sourceIds) = 0 AND size(f.attributedTo) = 0 AND size(f.measureIds) = 0 AND size(f.regionIds) = 0
  MATCH (c:Claim)
  RETURN c
}
WITH c
WHERE (size($f.ids) = 0 OR c.id IN $f.ids)
  AND ($f.text = '' OR toLower(c.text) CONTAINS $f.text OR toLower(coalesce(c.quote, '')) CONTAINS $f.text)
  // A filter that served as the anchor holds already and is not checked again.
  AND (size($f.measureIds) = 0
       OR (size($f.ids) = 0 AND size($f.sourceIds) = 0 AND size($f.attributedTo) = 0)
       OR EXISTS { (c)-[:ABOUT]->(m:Measure) WHERE m.id IN $f.measureIds })
  AND (size($f.attributedTo) = 0
       OR (size($f.ids) = 0 AND size($f.sourceIds) = 0)
       OR EXISTS { (c)-[:ATTRIBUTED_TO]->(a:Entity) WHERE a.id IN $f.attributedTo }
       OR ($f.includeSubsidiaries AND EXISTS { (c)-[:ATTRIBUTED_TO]->(:Entity)-[:PART_OF|ROLE*1..8]->(o:Organization) WHERE o.id IN $f.attributedTo }))
  AND (size($f.sourceIds) = 0 OR size($f.ids) = 0 OR EXISTS { (c)-[:STATED_IN]->(s:Source) WHERE s.id IN $f.sourceIds })
  AND (size($f.regionIds) = 0
       OR (size($f.ids) = 0 AND size($f.sourceIds) = 0 AND size($f.attributedTo) = 0 AND size($f.measureIds) = 0)
       OR EXISTS { (c)-[:IN_REGION]->(r:Region) WHERE r.id IN $f.regionIds }
       OR ($f.includeSubregions AND EXISTS { (c)-[:IN_REGION]->(:Region)-[:PART_OF*1..8]->(r:Region) WHERE r.id IN $f.regionIds }))
  AND ($f.periodRelation = '' OR (c.periodStart IS NOT NULL AND CASE $f.periodRelation
        WHEN 'WITHIN' THEN c.periodStart >= date($f.periodFrom) AND coalesce(c.periodEnd, date(c.statedAt), date()) <= date($f.periodTo)
        WHEN 'CONTAINS' THEN c.periodStart <= date($f.periodFrom) AND coalesce(c.periodEnd, date(c.statedAt), date()) >= date($f.periodTo)
        ELSE c.periodStart <= date($f.periodTo) AND coalesce(c.periodEnd, date(c.statedAt), date()) >= date($f.periodFrom)
      END))
  AND ($f.asOf = '' OR (c.statedAt <= datetime($f.asOf) AND NOT EXISTS { (newer:Claim)-[:SUPERSEDES]->(c) WHERE newer.statedAt <= datetime($f.asOf) }))
  AND (size($f.status) = 0 OR (CASE WHEN c.status = 'ACTIVE' AND EXISTS { (:Claim)-[:SUPERSEDES]->(c) } THEN 'SUPERSEDED' ELSE c.status END) IN $f.status)
  AND coalesce(c.confidence, 0.0) >= $f.minConfidence
WITH c, $f.direction * CASE $f.orderField
    WHEN 'STATED_AT' THEN coalesce(c.statedAt.epochMillis, -1.0e15)
    WHEN 'PERIOD_START' THEN coalesce(datetime({date: c.periodStart}).epochMillis, -1.0e15)
    WHEN 'VALUE' THEN coalesce(c.value, c.low, -1.0e15)
    WHEN 'RECORDED_AT' THEN coalesce(c.recordedAt.epochMillis, -1.0e15)
    ELSE 0.0
  END AS key
ORDER BY key, c.id
WITH collect({id: c.id, key: key}) AS matches
RETURN size(matches) AS totalCount,
       [m IN matches WHERE m.key > $f.afterKey OR (m.key = $f.afterKey AND m.id > $f.afterId)][0..$limit] AS page
