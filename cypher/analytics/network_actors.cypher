// Actors to start the network view from: whose name contains $text ('' for any), by name.
MATCH (a:Actor)
WHERE $text = '' OR toLower(a.name) CONTAINS toLower($text)
RETURN a.id AS id, a.name AS name, a.type AS type
ORDER BY toLower(a.name), id
LIMIT $limit
