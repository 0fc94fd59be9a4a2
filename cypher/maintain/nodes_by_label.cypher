// Nodes of one label for pickers: id, name and county.
MATCH (n:Entity)
WHERE $label IN labels(n)
RETURN n.id AS id, coalesce(n.name, n.text, n.summary, n.id) AS name, n.county AS county
ORDER BY toLower(name), id
