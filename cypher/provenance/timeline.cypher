// Query.timeline in one round trip: whether the measure (and the region, when one is named) exists; the claims on the measure, in the region and its subregions and stated by a date when given, in period order (1,000 at most); and the wire rows (entityWire: whole, or partial with $p.shape) of those claims, their sources and their agents.
OPTIONAL MATCH (measure:Measure {id: $p.measureId})
OPTIONAL MATCH (region:Region {id: $p.regionId})
CALL (measure) {
  MATCH (measure)<-[:ABOUT]-(c:Claim)
  WHERE ($p.regionId = '' OR EXISTS { (c)-[:IN_REGION]->(:Region)-[:PART_OF*0..8]->(:Region {id: $p.regionId}) })
    AND ($p.asOf = '' OR c.statedAt <= datetime($p.asOf))
  WITH c
  ORDER BY c.periodStart, coalesce(c.periodEnd, date(c.statedAt)), c.id
  LIMIT 1000
  RETURN collect(c) AS claims
}
CALL (claims) {
  UNWIND claims + COLLECT { UNWIND claims AS c MATCH (c)-[:STATED_IN|ATTRIBUTED_TO]->(x:Entity) RETURN DISTINCT x } AS n
  WITH DISTINCT n
  // @include entityWire
  RETURN collect([id, kind, props, out, `in`]) AS rows
}
RETURN measure IS NOT NULL AS measureFound, region IS NOT NULL AS regionFound, [c IN claims | c.id] AS ids, rows
