// The service's own nodes (API keys, watches), kept across an offline import, which replaces the database; deliveries stay behind with the old graph's events.
RETURN COLLECT { MATCH (k:ApiKey) RETURN k {.name, .role, .hash, .createdAt} } AS keys,
  COLLECT { MATCH (w:Watch) RETURN w {.*} } AS watches
