// Full-text search (Swedish analyzer) with facets. $query is a Lucene query built from escaped
// tokens by graph/analytics/search.py; every facet is a parameter and null means "any".
CALL db.index.fulltext.queryNodes('entity_text', $query, {limit: $candidates}) YIELD node, score
WITH node, score
WHERE ($labels IS NULL OR any(l IN labels(node) WHERE l IN $labels))
WITH node, score, [l IN labels(node) WHERE l <> 'Entity'][0] AS label
WITH node, score, label,
     COLLECT { MATCH (node)-[:IN_FOCUS_AREA]->(f:FocusArea) RETURN DISTINCT f.name } AS focus_areas,
     COLLECT { MATCH (node)-[:TARGETS]->(t:TargetGroup) RETURN DISTINCT t.name } AS target_groups,
     COLLECT { MATCH (node)-[:LOCATED_IN|RESPONSIBLE_FOR|PARTICIPATES_IN]-(a:Actor)
               WHERE a.type IN ['kommun', 'region'] RETURN DISTINCT a.name } AS places,
     COLLECT { MATCH (node)-[:LOCATED_IN|RESPONSIBLE_FOR|PARTICIPATES_IN]-(a:Actor)
               WHERE a.type IN ['kommun', 'region'] RETURN DISTINCT a.type } AS huvudman,
     toInteger(left(toString(node.start), 4)) AS first_year,
     toInteger(left(toString(node.end), 4)) AS last_year
WHERE ($focus_area IS NULL OR $focus_area IN focus_areas)
  AND ($target_group IS NULL OR $target_group IN target_groups)
  AND ($place IS NULL OR $place IN places)
  AND ($huvudman IS NULL OR $huvudman IN huvudman)
  AND ($status IS NULL OR node.status = $status)
  AND ($county IS NULL OR node.county = $county)
  AND ($year_from IS NULL OR coalesce(last_year, first_year) >= $year_from)
  AND ($year_to IS NULL OR coalesce(first_year, last_year) <= $year_to)
RETURN node.id AS id, label, coalesce(node.name, node.title, node.text) AS name, score,
       coalesce(node.description, node.goal_text, node.summary, node.definition, '') AS text,
       node.status AS status, node.county AS county, first_year, last_year,
       focus_areas, target_groups, places, huvudman
ORDER BY score DESC, id
LIMIT $limit
