// Numbers this transaction's new ingestions in commit order: the counter's write lock is taken before its value is read and held to commit, so no number commits before a smaller one (events/ingestionsAfter follows them).
MERGE (c:System:EventCounter {name: 'ingestions'})
ON CREATE SET c.value = 0
SET c.value = c.value + size($ids)
WITH c.value - size($ids) AS base
UNWIND range(0, size($ids) - 1) AS k
MATCH (i:Ingestion {id: $ids[k]})
SET i.seq = base + k + 1
RETURN count(i) AS numbered
