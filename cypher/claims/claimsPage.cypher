// A keyset page of claims matching ClaimFilter, with the count of all matches (filter written twice: count and page).
CALL () {
  MATCH (c:Claim)
  WHERE ($text IS NULL OR toLower(c.text) CONTAINS $text OR toLower(coalesce(c.quote, '')) CONTAINS $text)
    AND ($measureIds IS NULL OR EXISTS { (c)-[:ABOUT]->(m:Measure) WHERE m.id IN $measureIds })
    AND ($attributedTo IS NULL
         OR EXISTS { (c)-[:ATTRIBUTED_TO]->(a:Entity) WHERE a.id IN $attributedTo }
         OR ($includeSubsidiaries AND EXISTS { (c)-[:ATTRIBUTED_TO]->(:Entity)-[:PART_OF|ROLE*1..8]->(o:Organization) WHERE o.id IN $attributedTo }))
    AND ($sourceIds IS NULL OR EXISTS { (c)-[:STATED_IN]->(s:Source) WHERE s.id IN $sourceIds })
    AND ($regionIds IS NULL
         OR EXISTS { (c)-[:IN_REGION]->(r:Region) WHERE r.id IN $regionIds }
         OR ($includeSubregions AND EXISTS { (c)-[:IN_REGION]->(:Region)-[:PART_OF*1..8]->(r:Region) WHERE r.id IN $regionIds }))
    AND ($periodRelation IS NULL OR (c.periodStart IS NOT NULL AND CASE $periodRelation
          WHEN 'WITHIN' THEN ($periodFrom IS NULL OR c.periodStart >= date($periodFrom)) AND ($periodTo IS NULL OR coalesce(c.periodEnd, date(c.statedAt), date()) <= date($periodTo))
          WHEN 'CONTAINS' THEN ($periodFrom IS NULL OR c.periodStart <= date($periodFrom)) AND ($periodTo IS NULL OR coalesce(c.periodEnd, date(c.statedAt), date()) >= date($periodTo))
          ELSE ($periodTo IS NULL OR c.periodStart <= date($periodTo)) AND ($periodFrom IS NULL OR coalesce(c.periodEnd, date(c.statedAt), date()) >= date($periodFrom))
        END))
    AND ($asOf IS NULL OR (c.statedAt <= datetime($asOf) AND NOT EXISTS { (newer:Claim)-[:SUPERSEDES]->(c) WHERE newer.statedAt <= datetime($asOf) }))
    AND ($status IS NULL OR (CASE WHEN c.status = 'ACTIVE' AND EXISTS { (:Claim)-[:SUPERSEDES]->(c) } THEN 'SUPERSEDED' ELSE c.status END) IN $status)
    AND ($minConfidence IS NULL OR c.confidence >= $minConfidence)
  RETURN count(c) AS totalCount
}
CALL () {
  MATCH (c:Claim)
  WHERE ($text IS NULL OR toLower(c.text) CONTAINS $text OR toLower(coalesce(c.quote, '')) CONTAINS $text)
    AND ($measureIds IS NULL OR EXISTS { (c)-[:ABOUT]->(m:Measure) WHERE m.id IN $measureIds })
    AND ($attributedTo IS NULL
         OR EXISTS { (c)-[:ATTRIBUTED_TO]->(a:Entity) WHERE a.id IN $attributedTo }
         OR ($includeSubsidiaries AND EXISTS { (c)-[:ATTRIBUTED_TO]->(:Entity)-[:PART_OF|ROLE*1..8]->(o:Organization) WHERE o.id IN $attributedTo }))
    AND ($sourceIds IS NULL OR EXISTS { (c)-[:STATED_IN]->(s:Source) WHERE s.id IN $sourceIds })
    AND ($regionIds IS NULL
         OR EXISTS { (c)-[:IN_REGION]->(r:Region) WHERE r.id IN $regionIds }
         OR ($includeSubregions AND EXISTS { (c)-[:IN_REGION]->(:Region)-[:PART_OF*1..8]->(r:Region) WHERE r.id IN $regionIds }))
    AND ($periodRelation IS NULL OR (c.periodStart IS NOT NULL AND CASE $periodRelation
          WHEN 'WITHIN' THEN ($periodFrom IS NULL OR c.periodStart >= date($periodFrom)) AND ($periodTo IS NULL OR coalesce(c.periodEnd, date(c.statedAt), date()) <= date($periodTo))
          WHEN 'CONTAINS' THEN ($periodFrom IS NULL OR c.periodStart <= date($periodFrom)) AND ($periodTo IS NULL OR coalesce(c.periodEnd, date(c.statedAt), date()) >= date($periodTo))
          ELSE ($periodTo IS NULL OR c.periodStart <= date($periodTo)) AND ($periodFrom IS NULL OR coalesce(c.periodEnd, date(c.statedAt), date()) >= date($periodFrom))
        END))
    AND ($asOf IS NULL OR (c.statedAt <= datetime($asOf) AND NOT EXISTS { (newer:Claim)-[:SUPERSEDES]->(c) WHERE newer.statedAt <= datetime($asOf) }))
    AND ($status IS NULL OR (CASE WHEN c.status = 'ACTIVE' AND EXISTS { (:Claim)-[:SUPERSEDES]->(c) } THEN 'SUPERSEDED' ELSE c.status END) IN $status)
    AND ($minConfidence IS NULL OR c.confidence >= $minConfidence)
  WITH c, $direction * CASE $orderField
      WHEN 'STATED_AT' THEN coalesce(c.statedAt.epochMillis, -1.0e15)
      WHEN 'PERIOD_START' THEN coalesce(datetime({date: c.periodStart}).epochMillis, -1.0e15)
      WHEN 'VALUE' THEN coalesce(c.value, c.low, -1.0e15)
      WHEN 'RECORDED_AT' THEN coalesce(c.recordedAt.epochMillis, -1.0e15)
      ELSE 0.0
    END AS key
  WHERE $afterId IS NULL OR key > $afterKey OR (key = $afterKey AND c.id > $afterId)
  WITH c, key
  ORDER BY key, c.id
  LIMIT $limit
  RETURN collect({id: c.id, key: key}) AS page
}
RETURN totalCount, page
