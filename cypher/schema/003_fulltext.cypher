// Full-text search over names, aliases (joined into aliasText), titles and claim text.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Organization|Person|Region|Measure|Source|Claim)
ON EACH [n.name, n.aliasText, n.title, n.text, n.quote]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
CALL db.awaitIndexes(300);
