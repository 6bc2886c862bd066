// Full-text search over names, aliases, titles and claim text, best first, optionally narrowed to labels.
CALL db.index.fulltext.queryNodes('entity_text', $f.query, {limit: $candidates})
YIELD node, score
WITH node, score, [l IN labels(node) WHERE l <> 'Entity'][0] AS kind
WHERE size($f.kinds) = 0 OR kind IN $f.kinds
RETURN node.id AS id, kind, coalesce(node.name, node.title, node.text, node.label, node.id) AS label, score
ORDER BY score DESC, id
LIMIT $limit
