// Every API key stored in the graph (name, role, hash of the key, when made): each replica reads them about twice a second (access/keyFollower.ts).
MATCH (k:ApiKey)
RETURN k.name AS name, k.role AS role, k.hash AS hash, k.createdAt AS createdAt
ORDER BY name
