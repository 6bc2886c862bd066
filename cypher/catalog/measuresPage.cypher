// A page of measures ordered by id, with the count of all measures.
CALL () {
  MATCH (m:Measure)
  RETURN count(m) AS totalCount
}
CALL () {
  MATCH (m:Measure)
  WHERE m.id > $f.afterId
  WITH m ORDER BY m.id LIMIT $limit
  RETURN collect(m.id) AS page
}
RETURN totalCount, page
