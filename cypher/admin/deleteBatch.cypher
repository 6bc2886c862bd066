// Deletes up to $batch nodes with their relationships, System nodes (API keys) spared; `claimgraph reset` repeats it until nothing is left.
MATCH (n)
WHERE NOT n:System
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
