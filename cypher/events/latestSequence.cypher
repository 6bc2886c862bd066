// The number of the last committed ingestion: where a replica starts following, and what a subscription without a cursor starts after.
// @include highestSeq
RETURN coalesce(highestSeq, 0) AS seq
