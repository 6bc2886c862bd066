// A page of organizations ordered by id, matching OrganizationFilter, with the count of all matches.
CALL () {
  MATCH (o:Organization)
  WHERE ($text IS NULL OR toLower(o.name) CONTAINS $text OR toLower(coalesce(o.aliasText, '')) CONTAINS $text)
    AND ($kinds IS NULL OR o.kind IN $kinds)
    AND ($partOf IS NULL OR EXISTS { (o)-[:PART_OF]->(:Organization {id: $partOf}) })
  RETURN count(o) AS totalCount
}
CALL () {
  MATCH (o:Organization)
  WHERE ($afterId IS NULL OR o.id > $afterId)
    AND ($text IS NULL OR toLower(o.name) CONTAINS $text OR toLower(coalesce(o.aliasText, '')) CONTAINS $text)
    AND ($kinds IS NULL OR o.kind IN $kinds)
    AND ($partOf IS NULL OR EXISTS { (o)-[:PART_OF]->(:Organization {id: $partOf}) })
  WITH o ORDER BY o.id LIMIT $limit
  RETURN collect(o.id) AS page
}
RETURN totalCount, page
