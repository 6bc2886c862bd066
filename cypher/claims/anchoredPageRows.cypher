// claimsPageRows for a filter its anchor alone satisfies (see anchoredPage): the page without per-candidate checks, as entity rows with the neighbours their $p.types relationships reach.
// @include claimScope
// @include claimAnchorCount
// @include claimAnchoredCandidates
// @include claimPageRows
