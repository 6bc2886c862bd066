// The service's own nodes (API keys), kept across an offline import, which replaces the database.
MATCH (k:ApiKey)
RETURN collect(k {.name, .role, .hash, .createdAt}) AS keys
