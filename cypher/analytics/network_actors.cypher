// Actors to start the network view from: of $county (null: every county) whose name contains $text
// ('' for any), by name.
MATCH (a:Actor)
WHERE ($county IS NULL OR a.county = $county)
  AND ($text = '' OR toLower(a.name) CONTAINS toLower($text))
RETURN a.id AS id, a.name AS name, a.type AS type
ORDER BY toLower(a.name), id
LIMIT $limit
