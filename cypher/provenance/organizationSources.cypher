// For each organization: the sources it, a subsidiary or a person with a role in it published or authored.
UNWIND $p.organizationIds AS orgId
MATCH (org:Organization {id: orgId})
RETURN org.id AS organizationId,
       COLLECT {
         MATCH (agent:Entity)-[:PART_OF|ROLE*0..8]->(org)
         MATCH (s:Source)-[:PUBLISHED_BY|AUTHORED_BY]->(agent)
         RETURN DISTINCT s.id
       } AS sourceIds
