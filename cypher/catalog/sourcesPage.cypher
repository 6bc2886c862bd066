// A page of sources ordered by id, matching SourceFilter, with the count of all matches.
CALL () {
  MATCH (s:Source)
  WHERE ($text IS NULL OR toLower(coalesce(s.title, '')) CONTAINS $text)
    AND ($kinds IS NULL OR s.kind IN $kinds)
    AND ($publisherIds IS NULL OR EXISTS { (s)-[:PUBLISHED_BY]->(o:Organization) WHERE o.id IN $publisherIds })
    AND ($publishedFrom IS NULL OR s.publishedAt >= date($publishedFrom))
    AND ($publishedTo IS NULL OR s.publishedAt <= date($publishedTo))
  RETURN count(s) AS totalCount
}
CALL () {
  MATCH (s:Source)
  WHERE ($afterId IS NULL OR s.id > $afterId)
    AND ($text IS NULL OR toLower(coalesce(s.title, '')) CONTAINS $text)
    AND ($kinds IS NULL OR s.kind IN $kinds)
    AND ($publisherIds IS NULL OR EXISTS { (s)-[:PUBLISHED_BY]->(o:Organization) WHERE o.id IN $publisherIds })
    AND ($publishedFrom IS NULL OR s.publishedAt >= date($publishedFrom))
    AND ($publishedTo IS NULL OR s.publishedAt <= date($publishedTo))
  WITH s ORDER BY s.id LIMIT $limit
  RETURN collect(s.id) AS page
}
RETURN totalCount, page
