// anchoredPageRows for ONE anchor taken alone, in id order: $f.anchorId reached by $f.via (an agent without subsidiaries by ATTRIBUTED_TO, a measure by ABOUT, a region without subregions by IN_REGION). The commonest list (an agent's claims) with a plan a fraction of the general one's: an anchor holding 1/$f.broadShare of all claims or more walks the claim id index as claimAnchoredCandidates does, a smaller one sorts its claims.
MATCH (x:Entity {id: $f.anchorId}) USING INDEX x:Entity(id)
WITH x, CASE $f.via
    WHEN 'ATTRIBUTED_TO' THEN COUNT { (x)<-[:ATTRIBUTED_TO]-() }
    WHEN 'IN_REGION' THEN COUNT { (x)<-[:IN_REGION]-() }
    ELSE COUNT { (x)<-[:ABOUT]-() }
  END * $f.broadShare >= COUNT { (:Claim) } AS broad
// The walk runs in a subquery only for broad anchors: its guard is decided once, not per claim.
OPTIONAL CALL (x, broad) {
  WITH x WHERE broad
  CALL (x) {
    // Lazy: the walk stops at the page's last member, or after the cap.
    MATCH (c:Claim) WHERE c.id > $f.afterId
    WITH x, c ORDER BY c.id
    LIMIT $limit * toInteger($f.walk)
    WITH c WHERE CASE $f.via
        WHEN 'ATTRIBUTED_TO' THEN EXISTS { (c)-[:ATTRIBUTED_TO]->(x) }
        WHEN 'IN_REGION' THEN EXISTS { (c)-[:IN_REGION]->(x) }
        ELSE EXISTS { (c)-[:ABOUT]->(x) }
      END
    WITH c LIMIT $limit
    RETURN collect(c) AS hits
  }
  // A full page is the answer; a short one (the cap reached, or the last page) is sorted instead.
  WITH hits WHERE size(hits) = $limit
  RETURN hits
}
// The branches exclude each other, so UNION ALL (no distinct pass).
CALL (x, hits) {
  WITH hits WHERE hits IS NOT NULL
  UNWIND hits AS c
  RETURN c
  UNION ALL
  WITH x, hits WHERE hits IS NULL AND $f.via = 'ATTRIBUTED_TO'
  MATCH (c:Claim)-[:ATTRIBUTED_TO]->(x)
  RETURN c
  UNION ALL
  WITH x, hits WHERE hits IS NULL AND $f.via = 'IN_REGION'
  MATCH (c:Claim)-[:IN_REGION]->(x)
  RETURN c
  UNION ALL
  WITH x, hits WHERE hits IS NULL AND $f.via = 'ABOUT'
  MATCH (c:Claim)-[:ABOUT]->(x)
  RETURN c
}
// Id order: every key is 0 (claimKey), so claimPageRows' keyset cut compares ids.
WITH c, 0.0 AS key
// @include claimPageRows
