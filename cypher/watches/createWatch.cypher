// Stores a watch, following from the last committed ingestion on: events before it are not its to deliver.
CREATE (w:System:Watch {
  id: $p.id, name: $p.name, url: $p.url, secret: $p.secret, claimId: $p.claimId, measureId: $p.measureId,
  organizationId: $p.organizationId, verdicts: $p.verdicts, createdAt: $p.createdAt, createdBy: $p.createdBy
})
WITH w
// @include highestSeq
SET w.seq = coalesce(highestSeq, 0)
RETURN w {.*} AS watch
