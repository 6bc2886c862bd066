// For each organization: its claims (attributed to it, its subsidiaries or people with roles in them; 5,000 at most) in compact form, and the sources it published or authored.
UNWIND $p.organizationIds AS orgId
MATCH (org:Organization {id: orgId})
RETURN org.id AS organizationId,
       COLLECT {
         MATCH (agent:Entity)-[:PART_OF|ROLE*0..8]->(org)
         MATCH (c:Claim)-[:ATTRIBUTED_TO]->(agent)
         WITH DISTINCT c
         ORDER BY c.id
         LIMIT 5001
         RETURN {
           id: c.id, value: c.value, low: c.low, high: c.high, bound: c.bound, aggregation: c.aggregation,
           per: c.per, unit: c.unit, periodStart: c.periodStart, periodEnd: c.periodEnd, statedAt: c.statedAt,
           measureId: head(COLLECT { MATCH (c)-[:ABOUT]->(m:Measure) RETURN m.id }),
           periodId: head(COLLECT { MATCH (c)-[:COVERS]->(pd:Period) RETURN pd.id }),
           regionIds: COLLECT { MATCH (c)-[:IN_REGION]->(r:Region) RETURN r.id },
           regionScope: COLLECT { MATCH (c)-[:IN_REGION]->(:Region)-[:PART_OF*0..8]->(r:Region) RETURN DISTINCT r.id },
           sourceIds: COLLECT { MATCH (c)-[:STATED_IN]->(s:Source) RETURN s.id }
         }
       } AS claims,
       COLLECT {
         MATCH (agent:Entity)-[:PART_OF|ROLE*0..8]->(org)
         MATCH (s:Source)-[:PUBLISHED_BY|AUTHORED_BY]->(agent)
         RETURN DISTINCT s.id
       } AS sourceIds
