// A page of ingestions, newest first (optionally of one source), with the count of all that match.
CALL () {
  MATCH (i:Ingestion)
  WHERE $f.sourceId = '' OR i.sourceId = $f.sourceId
  RETURN count(i) AS totalCount
}
CALL () {
  MATCH (i:Ingestion)
  WHERE ($f.sourceId = '' OR i.sourceId = $f.sourceId)
    AND ($f.afterId = '' OR i.at < datetime({epochMillis: toInteger($f.afterMs)}) OR (i.at = datetime({epochMillis: toInteger($f.afterMs)}) AND i.id < $f.afterId))
  WITH i ORDER BY i.at DESC, i.id DESC LIMIT $limit
  RETURN collect(i {.*, at: toString(i.at), atMs: i.at.epochMillis}) AS page
}
RETURN totalCount, page
