// Waits until every index (and the full-text ones) has been populated, at most $p.seconds.
CALL db.awaitIndexes($p.seconds)
RETURN true AS done
