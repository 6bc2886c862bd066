// W2 for the raw-driver peer: an organization's first 20 claims by id, with source titles and measure.
MATCH (:Entity {id: $id})<-[:ATTRIBUTED_TO]-(c:Claim)
WITH c ORDER BY c.id LIMIT 20
RETURN c.id AS id, c.text AS text,
       [(c)-[:STATED_IN]->(s:Source) | s.title] AS sourceTitles,
       [(c)-[:ABOUT]->(m:Measure) | m.name][0] AS measure
