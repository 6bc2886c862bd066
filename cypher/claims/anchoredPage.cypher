// claimsPage for a filter its anchor alone satisfies (one of ids, sourceIds, attributedTo, measureIds, regionIds, or none, and no other condition): the count from the degree store where the anchor allows, and the page without per-candidate checks.
// @include claimScope
// @include claimAnchorCount
// @include claimAnchoredCandidates
WITH anchorCount, c, key
ORDER BY key, c.id
RETURN anchorCount AS totalCount, [x IN collect({id: c.id, key: key}) WHERE x.id IS NOT NULL] AS page
