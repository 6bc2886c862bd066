// The number of the last committed ingestion (the highest, through the index): where a replica starts following, and what a subscription without a cursor starts after.
RETURN coalesce(COLLECT { MATCH (i:Ingestion) WHERE i.seq IS NOT NULL RETURN i.seq ORDER BY i.seq DESC LIMIT 1 }[0], 0) AS seq
