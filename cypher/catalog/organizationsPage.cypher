// A page of organizations ordered by id, matching OrganizationFilter, with the count of all matches.
CALL () {
  MATCH (o:Organization)
  WHERE ($f.text = '' OR toLower(o.name) CONTAINS $f.text OR toLower(coalesce(o.aliasText, '')) CONTAINS $f.text)
    AND (size($f.kinds) = 0 OR o.kind IN $f.kinds)
    AND ($f.partOf = '' OR EXISTS { (o)-[:PART_OF]->(:Organization {id: $f.partOf}) })
  RETURN count(o) AS totalCount
}
CALL () {
  MATCH (o:Organization)
  WHERE o.id > $f.afterId
    AND ($f.text = '' OR toLower(o.name) CONTAINS $f.text OR toLower(coalesce(o.aliasText, '')) CONTAINS $f.text)
    AND (size($f.kinds) = 0 OR o.kind IN $f.kinds)
    AND ($f.partOf = '' OR EXISTS { (o)-[:PART_OF]->(:Organization {id: $f.partOf}) })
  WITH o ORDER BY o.id LIMIT $limit
  RETURN collect(o.id) AS page
}
RETURN totalCount, page
