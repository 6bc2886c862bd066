// Claims on a measure, optionally in a region and its subregions and stated by a date, in period order (1,000 at most).
MATCH (:Measure {id: $p.measureId})<-[:ABOUT]-(c:Claim)
WHERE ($p.regionId = '' OR EXISTS { (c)-[:IN_REGION]->(:Region)-[:PART_OF*0..8]->(:Region {id: $p.regionId}) })
  AND ($p.asOf = '' OR c.statedAt <= datetime($p.asOf))
RETURN c.id AS id
ORDER BY c.periodStart, coalesce(c.periodEnd, date(c.statedAt)), c.id
LIMIT 1000
