// Nodes of one label for pickers (the pages' and the maintenance forms'): id, a name (a goal
// without one by its text, a decision by its summary), type and county.
MATCH (n:Entity)
WHERE $label IN labels(n)
RETURN n.id AS id, coalesce(n.name, n.text, n.summary, n.id) AS name, n.type AS type, n.county AS county
ORDER BY toLower(name), id
