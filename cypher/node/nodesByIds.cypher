// Entities by id, any kind, with the ids of their small neighbourhoods (no claim lists), in one round trip; temporals travel as millis and ISO dates (src/db/wireTemporals.ts), edges as [type, id, props].
UNWIND $p.ids AS wanted
MATCH (n:Entity {id: wanted})
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
