// The service's own nodes (API keys, watches, the event counter) with their properties, kept across an offline import, which replaces the database.
CALL () { MATCH (k:ApiKey) RETURN collect(k {.name, .role, .hash, .createdAt}) AS keys }
CALL () { MATCH (w:Watch) RETURN collect(w {.*}) AS watches }
CALL () { OPTIONAL MATCH (c:EventCounter {name: 'ingestions'}) RETURN coalesce(c.value, 0) AS counter }
RETURN keys, watches, counter
