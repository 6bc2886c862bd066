// A watch's most recent deliveries, newest event first (Watch.deliveries).
MATCH (d:Delivery {watchId: $p.watchId})
RETURN d {.id, .seq, .status, .attempts, .lastStatusCode, .lastError, .createdAt, .lastAttemptAt, .deliveredAt, .nextAt} AS delivery
ORDER BY d.seq DESC
LIMIT toInteger($p.first)
