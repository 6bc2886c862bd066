// A page of regions ordered by id, matching RegionFilter, with the count of all matches.
CALL () {
  MATCH (r:Region)
  WHERE ($text IS NULL OR toLower(r.name) CONTAINS $text OR toLower(coalesce(r.aliasText, '')) CONTAINS $text)
    AND ($kinds IS NULL OR r.kind IN $kinds)
    AND ($parentId IS NULL OR EXISTS { (r)-[:PART_OF]->(:Region {id: $parentId}) })
  RETURN count(r) AS totalCount
}
CALL () {
  MATCH (r:Region)
  WHERE ($afterId IS NULL OR r.id > $afterId)
    AND ($text IS NULL OR toLower(r.name) CONTAINS $text OR toLower(coalesce(r.aliasText, '')) CONTAINS $text)
    AND ($kinds IS NULL OR r.kind IN $kinds)
    AND ($parentId IS NULL OR EXISTS { (r)-[:PART_OF]->(:Region {id: $parentId}) })
  WITH r ORDER BY r.id LIMIT $limit
  RETURN collect(r.id) AS page
}
RETURN totalCount, page
