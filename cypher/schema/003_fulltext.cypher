// Full-text search over names, aliases (joined into aliasText), titles and claim text. Eventually
// consistent: a commit queues its index updates instead of applying them while it holds its locks,
// and every write path waits for the index to catch up before it answers
// (cypher/ingest/awaitSearchRefresh.cypher), so a search after an ingest returns finds what it wrote.
DROP INDEX entity_search IF EXISTS;
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
FOR (n:Organization|Person|Region|Measure|Source|Claim)
ON EACH [n.name, n.aliasText, n.title, n.text, n.quote]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: true } };
CALL db.awaitIndexes(300);
