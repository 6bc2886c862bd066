// Every watch, oldest first, with its secret (the dispatcher signs with it; resolvers never return it).
MATCH (w:Watch)
RETURN w {.*} AS watch
ORDER BY w.createdAt, w.id
