// Deletes up to $batch nodes with their relationships; `claimgraph reset` repeats it until nothing is left.
MATCH (n)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
