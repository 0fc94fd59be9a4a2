// The relationships of one node (provenance excluded) for its detail page, in parts: per type and
// direction how many there are (total) and the first $per_group by the other node's name, with the
// node at the other end. A focus area or a region has thousands; the page shows the first ones.
MATCH (n:Entity {id: $id})-[r]-(m:Entity)
WHERE type(r) <> 'MENTIONED_IN'
WITH n, r, m
ORDER BY toLower(m.name), m.id
WITH n, type(r) AS type, startNode(r) = n AS outgoing, count(*) AS total, collect([r, m])[..$per_group] AS firsts
UNWIND firsts AS pair
WITH n, type, outgoing, total, pair[0] AS r, pair[1] AS m
RETURN n.id AS node, type, outgoing, total,
       m.id AS other_id, [l IN labels(m) WHERE l <> 'Entity'][0] AS other_label, m.name AS other_name,
       properties(r) AS properties
ORDER BY type, outgoing DESC, toLower(other_name), other_id
