// Goal gap: a målsättning / mål that no project addresses.
MATCH (g:Goal)
WHERE NOT EXISTS { (:Project)-[:ADDRESSES]->(g) }
  AND ($county IS NULL OR g.county = $county)
RETURN g.id AS id, coalesce(g.text, g.name) AS text, g.county AS county,
       COLLECT { MATCH (g)-[:UNDER]->(f:FocusArea) RETURN DISTINCT f.name } AS focus_areas,
       COLLECT { MATCH (g)-[:MENTIONED_IN]->(d:Document) RETURN DISTINCT coalesce(d.title, d.file_name) } AS documents
ORDER BY county, text
LIMIT $limit
