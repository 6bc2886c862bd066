// A keyset page of claims matching ClaimFilter ($f, one map so one cached plan serves every filter) and the count of all matches; the search starts from the most selective filter given.
// @include claimMatches
ORDER BY key, c.id
WITH collect({id: c.id, key: key}) AS matches
RETURN size(matches) AS totalCount,
       [m IN matches WHERE m.key > $f.afterKey OR (m.key = $f.afterKey AND m.id > $f.afterId)][0..$limit] AS page
