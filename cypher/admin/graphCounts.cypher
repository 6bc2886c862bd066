// How many nodes and relationships the graph holds (empty-graph check, tests, `claimgraph db status`).
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
