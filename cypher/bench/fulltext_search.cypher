// Baseline full-text lookup on the entity_text index (Swedish analyzer), as a search box does it.
CALL db.index.fulltext.queryNodes('entity_text', $query, {limit: $limit}) YIELD node, score
RETURN node.id AS id, node.name AS name, score
