// Deletes the API key of that name; returns how many there were (0 or 1).
MATCH (k:ApiKey {name: $p.name})
DELETE k
RETURN count(*) AS revoked
