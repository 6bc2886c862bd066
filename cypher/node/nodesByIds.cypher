// Entities by id, any kind, with the ids of their small neighbourhoods (no claim lists), and also the neighbours their outgoing $p.types relationships lead to (the cards a query's selection needs), in one round trip; temporals travel as millis and ISO dates (src/db/wireTemporals.ts), edges as [type, id, props].
UNWIND $p.ids AS wanted
MATCH (root:Entity {id: wanted})
WITH collect(root) AS roots
WITH roots + COLLECT {
  UNWIND roots AS r
  MATCH (r)-[rel]->(m:Entity)
  WHERE type(rel) IN $p.types
  RETURN DISTINCT m
} AS found
UNWIND found AS n
WITH DISTINCT n
RETURN n.id AS id,
       [l IN labels(n) WHERE l <> 'Entity'][0] AS kind,
       CASE
         WHEN n:Claim THEN n { .*, recordedAt: n.recordedAt.epochMillis, statedAt: n.statedAt.epochMillis, periodStart: toString(n.periodStart), periodEnd: toString(n.periodEnd) }
         WHEN n:Source THEN n { .*, recordedAt: n.recordedAt.epochMillis, publishedAt: toString(n.publishedAt), retrievedAt: toString(n.retrievedAt) }
         WHEN n:Period THEN n { .*, recordedAt: n.recordedAt.epochMillis, start: toString(n.start), `end`: toString(n.`end`) }
         ELSE n { .*, recordedAt: n.recordedAt.epochMillis }
       END AS props,
       COLLECT {
         MATCH (n)-[r]->(m:Entity)
         RETURN [type(r), m.id, CASE type(r)
           WHEN 'STATED_IN' THEN r { .*, statedAt: r.statedAt.epochMillis }
           WHEN 'ROLE' THEN r { .*, from: toString(r.from), to: toString(r.to) }
           ELSE properties(r) END]
       } AS out,
       COLLECT {
         MATCH (n)<-[r:PART_OF|ROLE|SUPERSEDES|DERIVED_FROM]-(m:Entity)
         RETURN [type(r), m.id, CASE type(r) WHEN 'ROLE' THEN r { .*, from: toString(r.from), to: toString(r.to) } ELSE properties(r) END]
       } AS `in`
