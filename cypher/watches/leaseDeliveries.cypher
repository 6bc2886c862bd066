// Takes up to $p.limit due deliveries for this replica: the lease is set by a SET that reads the delivery under its write lock (so a replica that leased it meanwhile has moved nextAt, and this one skips it), and it is due again only when the lease ends (another replica retries if this one dies); deliveries whose watch is gone are deleted.
MATCH (d:Delivery)
WHERE d.nextAt <= $p.now AND d.status = 'PENDING'
WITH d ORDER BY d.nextAt LIMIT toInteger($p.limit)
SET d.lease = CASE WHEN d.status = 'PENDING' AND d.nextAt <= $p.now THEN $p.lease ELSE d.lease END
WITH d WHERE d.lease = $p.lease
SET d.nextAt = $p.now + $p.leaseMs
WITH d
OPTIONAL MATCH (w:Watch {id: d.watchId})
CALL (d, w) {
  WITH d WHERE w IS NULL
  DETACH DELETE d
}
WITH d, w WHERE w IS NOT NULL
RETURN d.id AS id, d.body AS body, d.attempts AS attempts, w.url AS url, w.secret AS secret
