// Records each ingested document as an Ingestion (who, when, which document, what it changed) linked to its source and to every claim and entity it wrote; an unchanged re-ingest of the latest document of a source records nothing new.
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
RETURN row.id AS id
