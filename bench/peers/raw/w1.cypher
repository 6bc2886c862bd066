// W1 for the raw-driver peer: a claim with its sources, agents, measure and regions.
MATCH (c:Claim {id: $id})
RETURN c.id AS id, c.text AS text,
       [(c)-[:STATED_IN]->(s:Source) | s {.id, .title}] AS sources,
       [(c)-[:ATTRIBUTED_TO]->(a) | a {.id, .name}] AS agents,
       [(c)-[:ABOUT]->(m:Measure) | m {.id, .name}][0] AS measure,
       [(c)-[:IN_REGION]->(r:Region) | r {.id, .name}] AS regions
