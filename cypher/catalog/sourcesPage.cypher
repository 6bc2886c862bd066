// A page of sources ordered by id, matching SourceFilter, with the count of all matches.
CALL () {
  MATCH (s:Source)
  WHERE ($f.text = '' OR toLower(coalesce(s.title, '')) CONTAINS $f.text)
    AND (size($f.kinds) = 0 OR s.kind IN $f.kinds)
    AND (size($f.publisherIds) = 0 OR EXISTS { (s)-[:PUBLISHED_BY]->(o:Organization) WHERE o.id IN $f.publisherIds })
    AND ($f.publishedFrom = '' OR s.publishedAt >= date($f.publishedFrom))
    AND ($f.publishedTo = '' OR s.publishedAt <= date($f.publishedTo))
  RETURN count(s) AS totalCount
}
CALL () {
  MATCH (s:Source)
  WHERE s.id > $f.afterId
    AND ($f.text = '' OR toLower(coalesce(s.title, '')) CONTAINS $f.text)
    AND (size($f.kinds) = 0 OR s.kind IN $f.kinds)
    AND (size($f.publisherIds) = 0 OR EXISTS { (s)-[:PUBLISHED_BY]->(o:Organization) WHERE o.id IN $f.publisherIds })
    AND ($f.publishedFrom = '' OR s.publishedAt >= date($f.publishedFrom))
    AND ($f.publishedTo = '' OR s.publishedAt <= date($f.publishedTo))
  WITH s ORDER BY s.id LIMIT $limit
  RETURN collect(s.id) AS page
}
RETURN totalCount, page
