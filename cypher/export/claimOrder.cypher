// Per source stating claims: the owners of its claims and the sources of the claims they supersede (the order of export documents).
MATCH (s:Source)<-[:STATED_IN]-(c:Claim)
OPTIONAL MATCH (c)-[:SUPERSEDES]->(:Claim)-[:STATED_IN]->(older:Source)
RETURN s.id AS id, collect(DISTINCT c.ownerSourceId) AS owners, collect(DISTINCT older.id) AS after
ORDER BY id
