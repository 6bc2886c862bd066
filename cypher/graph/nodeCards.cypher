// What a graph view draws of each node: kind, label, degree (from the degree store: cheap even for dense nodes) and, when asked for, properties (temporals as in src/db/wireTemporals.ts).
UNWIND $p.ids AS wanted
MATCH (n:Entity {id: wanted})
RETURN n.id AS id,
       [l IN labels(n) WHERE l <> 'Entity'][0] AS kind,
       coalesce(n.name, n.title, n.label, n.text, n.id) AS label,
       CASE WHEN NOT $p.withProperties THEN null
            WHEN n:Claim THEN n { .*, recordedAt: n.recordedAt.epochMillis, statedAt: n.statedAt.epochMillis, periodStart: toString(n.periodStart), periodEnd: toString(n.periodEnd) }
            WHEN n:Source THEN n { .*, recordedAt: n.recordedAt.epochMillis, publishedAt: toString(n.publishedAt), retrievedAt: toString(n.retrievedAt) }
            WHEN n:Period THEN n { .*, recordedAt: n.recordedAt.epochMillis, start: toString(n.start), `end`: toString(n.`end`) }
            ELSE n { .*, recordedAt: n.recordedAt.epochMillis }
       END AS props,
       // Bookkeeping (ingestions, revisions) is not part of the drawn graph; typed counts come from the degree store too.
       COUNT { (n)--() } - COUNT { (n)<-[:WROTE]-() } - COUNT { (n)<-[:INGESTED]-() } - COUNT { (n)-[:HAS_REVISION]->() } AS degree
