// Records the deliveries events made for watches and moves each watch past those events; every replica runs it for the same events, and a delivery's id (its watch and event) makes it once.
UNWIND $p.watches AS entry
MATCH (w:Watch {id: entry.watchId})
SET w.seq = CASE WHEN coalesce(w.seq, 0) < entry.seq THEN entry.seq ELSE w.seq END
WITH entry
UNWIND entry.deliveries AS delivery
MERGE (d:System:Delivery {id: delivery.id})
ON CREATE SET d.watchId = entry.watchId, d.seq = delivery.seq, d.body = delivery.body, d.status = 'PENDING', d.attempts = 0,
  d.createdAt = $p.createdAt, d.nextAt = $p.now
RETURN count(d) AS deliveries
