// Records each ingested document as an Ingestion (who, when, which document, what it changed) linked to its source and to every claim and entity it wrote, numbered in commit order for the event feed (the counter's write lock is taken before its value is read and held to commit, so no number commits before a smaller one); an unchanged re-ingest of the latest document of a source records nothing new.
UNWIND $p.rows AS row
MATCH (s:Source {id: row.sourceId})
WITH s, row, COLLECT { MATCH (s)<-[:INGESTED]-(prev:Ingestion) RETURN prev ORDER BY prev.at DESC, prev.id DESC LIMIT 1 }[0] AS latest
WITH s, row, latest
WHERE row.changed OR latest IS NULL OR latest.documentHash <> row.documentHash
CREATE (i:Ingestion {
  id: row.id, keyName: row.keyName, at: datetime($p.now), documentHash: row.documentHash, sourceId: row.sourceId,
  claimCount: row.claimCount, nodesCreated: row.nodesCreated, relationshipsCreated: row.relationshipsCreated,
  relationshipsDeleted: row.relationshipsDeleted, revisionsCreated: row.revisionsCreated
})
CREATE (i)-[:INGESTED]->(s)
WITH i, row
CALL (i, row) {
  UNWIND row.wroteIds AS wroteId
  MATCH (n:Entity {id: wroteId})
  CREATE (i)-[:WROTE]->(n)
}
WITH collect(i) AS made
CALL (made) {
  WITH made WHERE size(made) > 0
  // A store filled by the offline importer has numbered ingestions and no counter yet.
  WITH made
  // @include highestSeq
  MERGE (c:System:EventCounter {name: 'ingestions'})
  ON CREATE SET c.value = coalesce(highestSeq, 0)
  SET c.value = c.value + size(made)
  WITH made, c.value - size(made) AS base
  UNWIND range(0, size(made) - 1) AS k
  WITH made[k] AS i, base + k + 1 AS seq
  SET i.seq = seq
}
UNWIND made AS i
RETURN i.id AS id
