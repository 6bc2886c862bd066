// A keyset page of claims matching ClaimFilter $f, sorted and cut to the page without counting every match, returned as entity rows together with the neighbours their $p.types relationships reach: a claim list without totalCount in one round trip.
// @include claimMatches
WITH c, key
WHERE key > $f.afterKey OR (key = $f.afterKey AND c.id > $f.afterId)
ORDER BY key, c.id
LIMIT $limit
WITH collect({id: c.id, key: key}) AS page, collect(c) AS roots
WITH page, roots + COLLECT {
  UNWIND roots AS r
  MATCH (r)-[rel]->(m:Entity)
  WHERE type(rel) IN $p.types
  RETURN DISTINCT m
} AS found
// An empty page still answers its one row (a null entity, dropped by collect).
UNWIND CASE WHEN size(found) = 0 THEN [null] ELSE found END AS n
WITH DISTINCT page, n
// @include entityWire
// One record: the page once, not repeated on every entity's row.
RETURN page, collect(CASE WHEN n IS NULL THEN null ELSE {id: id, kind: kind, props: props, out: out, `in`: `in`} END) AS rows
