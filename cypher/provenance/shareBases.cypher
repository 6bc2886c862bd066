// The base of each share claim whose measure declares one (shareBase), as cypher/include/shareBase.cypherpart finds it.
UNWIND $p.claimIds AS claimId
// @include shareBase
RETURN claimId, partMeasureId, baseMeasureName, regionIds, regionNames, base
