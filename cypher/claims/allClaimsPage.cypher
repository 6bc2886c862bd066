// A keyset page of all claims in id order, read in order from the claim id index, and their count from the count store: the unfiltered `claims` costs the page, not the graph.
CALL () {
  MATCH (c:Claim)
  WHERE c.id > $f.afterId
  RETURN c
  ORDER BY c.id
  LIMIT $limit
}
WITH collect({id: c.id, key: 0.0}) AS page
CALL () {
  MATCH (every:Claim)
  RETURN count(every) AS totalCount
}
RETURN totalCount, page
