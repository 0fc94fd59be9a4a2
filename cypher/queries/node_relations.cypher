// Every relationship (except provenance) of the given nodes, with the node at the other end.
MATCH (n:Entity)
WHERE n.id IN $ids
MATCH (n)-[r]-(m:Entity)
WHERE type(r) <> 'MENTIONED_IN'
RETURN n.id AS node, type(r) AS type, startNode(r) = n AS outgoing,
       m.id AS other_id, [l IN labels(m) WHERE l <> 'Entity'][0] AS other_label, m.name AS other_name,
       properties(r) AS properties
ORDER BY node, type, other_name
LIMIT $limit
