// After an offline import: organizations, people and regions without aliases get the empty list the online path stores (a CSV field cannot hold an empty list).
MATCH (n:Entity)
WHERE (n:Organization OR n:Person OR n:Region) AND n.aliases IS NULL
SET n.aliases = []
RETURN count(n) AS fixed
