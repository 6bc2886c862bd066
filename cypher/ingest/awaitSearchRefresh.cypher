// Waits until the eventually consistent full-text index holds every committed write, so a write path answers only once search sees what it wrote.
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
RETURN true AS refreshed
