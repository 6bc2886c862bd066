// Puts back the API keys admin/systemNodes read before an offline import replaced the database.
UNWIND $p.keys AS key
MERGE (k:System:ApiKey {name: key.name})
SET k.role = key.role, k.hash = key.hash, k.createdAt = key.createdAt
RETURN count(*) AS keys
