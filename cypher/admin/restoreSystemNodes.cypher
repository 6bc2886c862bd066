// Puts back what admin/systemNodes read before an offline import: the keys, the watches and the event counter (events keep their numbers).
CALL () {
  UNWIND $p.keys AS key
  MERGE (k:System:ApiKey {name: key.name})
  SET k.role = key.role, k.hash = key.hash, k.createdAt = key.createdAt
  RETURN count(*) AS keys
}
CALL () {
  UNWIND $p.watches AS watch
  MERGE (w:System:Watch {id: watch.id})
  SET w += watch
  RETURN count(*) AS watches
}
MERGE (c:System:EventCounter {name: 'ingestions'})
SET c.value = CASE WHEN c.value IS NULL OR c.value < $p.counter THEN $p.counter ELSE c.value END
RETURN keys, watches
