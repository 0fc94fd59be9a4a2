// Actors to start the network view from: in $county (null: every county) whose name contains
// $text (case-insensitive; '' for any), by name, at most $limit.
MATCH (a:Actor)
WHERE ($county IS NULL OR a.county = $county)
  AND ($text = '' OR toLower(a.name) CONTAINS toLower($text))
RETURN a.id AS id, a.name AS name, a.type AS type
ORDER BY toLower(a.name), id
LIMIT $limit
