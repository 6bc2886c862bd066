// Puts back the API keys and watches admin/systemNodes read before an offline import replaced the database; each watch follows on from the imported graph's last ingestion.
CALL () {
  UNWIND $p.keys AS key
  MERGE (k:System:ApiKey {name: key.name})
  SET k.role = key.role, k.hash = key.hash, k.createdAt = key.createdAt
}
CALL () {
  UNWIND $p.watches AS watch
  MERGE (w:System:Watch {id: watch.id})
  SET w += watch
  WITH w
  // @include highestSeq
  SET w.seq = coalesce(highestSeq, 0)
}
RETURN size($p.keys) AS keys, size($p.watches) AS watches
