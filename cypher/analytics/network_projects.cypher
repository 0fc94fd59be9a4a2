// Projects to start the network view from: in $county (null: every county) whose name contains
// $text (case-insensitive; '' for any), by name, at most $limit.
MATCH (p:Project)
WHERE ($county IS NULL OR p.county = $county)
  AND ($text = '' OR toLower(p.name) CONTAINS toLower($text))
RETURN p.id AS id, p.name AS name, p.county AS county
ORDER BY toLower(p.name), id
LIMIT $limit
