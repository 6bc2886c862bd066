// Records one attempt of a delivery this replica leased: delivered, due again at $p.nextAt, or given up; a lease another replica took since is left alone.
MATCH (d:Delivery {id: $p.id})
WHERE d.lease = $p.lease
SET d.attempts = d.attempts + 1, d.status = $p.status, d.lastStatusCode = $p.statusCode, d.lastError = $p.error,
  d.lastAttemptAt = $p.at, d.nextAt = $p.nextAt, d.deliveredAt = CASE WHEN $p.status = 'DELIVERED' THEN $p.at ELSE d.deliveredAt END
REMOVE d.lease
RETURN count(d) AS settled
