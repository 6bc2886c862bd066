// A keyset page of claims matching ClaimFilter $f, sorted and cut to the page without counting every match, returned as entity rows together with the neighbours their $p.types relationships reach: a claim list without totalCount in one round trip.
// @include claimAnchors
// @include claimConditions
// @include claimKey
// @include claimPageRows
