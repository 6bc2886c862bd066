// The number of the last committed ingestion: where a replica starts following, and what a subscription without a cursor starts after.
OPTIONAL MATCH (c:EventCounter {name: 'ingestions'})
RETURN coalesce(c.value, 0) AS seq
