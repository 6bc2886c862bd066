// How many nodes and relationships the graph holds (System nodes, the service's own API keys, not counted), and how many of them are bookkeeping (ingestions, revisions), from the count store (empty-graph check, tests, `claimgraph db status`).
CALL () { MATCH (n) RETURN count(n) AS allNodes }
CALL () { MATCH (s:System) RETURN count(s) AS system }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () { MATCH (i:Ingestion) RETURN count(i) AS ingestions }
CALL () { MATCH (v:Revision) RETURN count(v) AS revisions }
CALL () { MATCH ()-[w:WROTE]->() RETURN count(w) AS wrote }
CALL () { MATCH ()-[g:INGESTED]->() RETURN count(g) AS ingested }
CALL () { MATCH ()-[h:HAS_REVISION]->() RETURN count(h) AS hasRevision }
RETURN allNodes - system AS nodes, relationships, ingestions, revisions, wrote + ingested + hasRevision AS bookkeepingRelationships
