// A page of regions ordered by id, matching RegionFilter, with the count of all matches.
CALL () {
  MATCH (r:Region)
  WHERE ($f.text = '' OR toLower(r.name) CONTAINS $f.text OR toLower(coalesce(r.aliasText, '')) CONTAINS $f.text)
    AND (size($f.kinds) = 0 OR r.kind IN $f.kinds)
    AND ($f.parentId = '' OR EXISTS { (r)-[:PART_OF]->(:Region {id: $f.parentId}) })
  RETURN count(r) AS totalCount
}
CALL () {
  MATCH (r:Region)
  WHERE r.id > $f.afterId
    AND ($f.text = '' OR toLower(r.name) CONTAINS $f.text OR toLower(coalesce(r.aliasText, '')) CONTAINS $f.text)
    AND (size($f.kinds) = 0 OR r.kind IN $f.kinds)
    AND ($f.parentId = '' OR EXISTS { (r)-[:PART_OF]->(:Region {id: $f.parentId}) })
  WITH r ORDER BY r.id LIMIT $limit
  RETURN collect(r.id) AS page
}
RETURN totalCount, page
