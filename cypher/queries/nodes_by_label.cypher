// Id and name of every node with one label, for pickers.
MATCH (n:Entity)
WHERE $label IN labels(n)
RETURN n.id AS id, n.name AS name, n.type AS type, n.county AS county
ORDER BY toLower(n.name)
