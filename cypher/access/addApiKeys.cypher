// Stores API keys (only their hashes); a name already taken is left as it is and not returned, so the caller can tell which were added.
UNWIND $p.keys AS key
OPTIONAL MATCH (existing:ApiKey {name: key.name})
WITH key WHERE existing IS NULL
CREATE (k:System:ApiKey {name: key.name, role: key.role, hash: key.hash, createdAt: key.createdAt})
RETURN k.name AS name
