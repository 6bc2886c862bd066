// Takes up to $p.limit due deliveries for this replica: each is locked, checked again, and made due again only when the lease ends, so one replica sends it (another retries if this one dies).
MATCH (d:Delivery)
WHERE d.nextAt <= $p.now AND d.status = 'PENDING'
WITH d ORDER BY d.nextAt LIMIT toInteger($p.limit)
// The write lock first, then the check again: a replica that leased it meanwhile has moved nextAt.
SET d._lock = true
REMOVE d._lock
WITH d WHERE d.nextAt <= $p.now
SET d.lease = $p.lease, d.nextAt = $p.now + $p.leaseMs
WITH d
MATCH (w:Watch {id: d.watchId})
RETURN d.id AS id, d.body AS body, d.attempts AS attempts, w.url AS url, w.secret AS secret
