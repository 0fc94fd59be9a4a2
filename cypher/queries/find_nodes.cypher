// Pickers of a large label: nodes of $label whose name holds every word of $words (lower case), by
// name, at most $limit. A scan of the label's names with CONTAINS, so a part of a compound matches.
MATCH (n:Entity)
WHERE $label IN labels(n) AND n.name IS NOT NULL
  AND all(word IN $words WHERE toLower(n.name) CONTAINS word)
RETURN n.id AS id, n.name AS name, n.type AS type, n.county AS county
ORDER BY toLower(n.name), n.id
LIMIT $limit
