// Deletes up to $p.limit settled deliveries (delivered or given up) recorded before $p.before: a watch keeps a week of history, not all of it.
MATCH (d:Delivery)
WHERE d.status <> 'PENDING' AND d.createdAt < $p.before
WITH d LIMIT toInteger($p.limit)
DELETE d
RETURN count(*) AS pruned
