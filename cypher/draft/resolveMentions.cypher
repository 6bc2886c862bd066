// Candidate entities for each name a draft mentions (full-text over names and aliases), with the names, aliases and unit to check them against.
UNWIND $p.mentions AS m
CALL (m) {
  CALL db.index.fulltext.queryNodes('entity_text', m.query, {limit: 20}) YIELD node, score
  WITH node, score, [l IN labels(node) WHERE l <> 'Entity'][0] AS kind
  WHERE kind IN m.kinds
  RETURN node.id AS id, kind, node.name AS name, coalesce(node.aliases, []) AS aliases, node.unit AS unit, score
  ORDER BY score DESC
  LIMIT 8
}
RETURN m.key AS key, id, kind, name, aliases, unit, score
