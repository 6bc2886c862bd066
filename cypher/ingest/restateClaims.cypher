// Another source restates existing claims word for word: adds its STATED_IN link and moves the claim's statedAt to the earliest statement; the claim itself is untouched.
UNWIND $p.rows AS row
MATCH (c:Claim {id: row.id})
MATCH (s:Source {id: row.sourceId})
MERGE (c)-[st:STATED_IN]->(s)
SET st.quote = row.statement.quote,
    st.statedAt = CASE WHEN row.statement.statedAt IS NULL THEN null ELSE datetime(row.statement.statedAt) END
WITH c
SET c.statedAt = coalesce(COLLECT { MATCH (c)-[s:STATED_IN]->(:Source) WHERE s.statedAt IS NOT NULL RETURN s.statedAt ORDER BY s.statedAt LIMIT 1 }[0], c.statedAt)
