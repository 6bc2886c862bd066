// Deletes up to $batch nodes with their relationships, System nodes (keys, watches, the event counter) spared; `claimgraph reset` repeats it until nothing is left.
MATCH (n)
WHERE NOT n:System
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
