// Full-text search (Swedish analyzer): the best $candidates hits with what the facets need.
// $query is a Lucene query built from escaped tokens by graph/analytics/search.py; the facet
// filters are applied to these rows in Python, so the rows are also the facets' base.
// Only projects have facet links, and their relationship types fix the other end's label
// (graph/maintain/fields.py enforces it): IN_FOCUS_AREA a FocusArea, TARGETS a TargetGroup,
// LOCATED_IN an Actor or a County (which has no type), RESPONSIBLE_FOR / PARTICIPATES_IN an Actor.
// So one walk over each candidate project's relationships collects all facets with no label
// checks, and other hits (an actor responsible for thousands of projects, say) are not expanded.
CALL db.index.fulltext.queryNodes('entity_text', $query, {limit: $candidates}) YIELD node, score
WITH node, score
WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
WITH node, score,
     COLLECT {
       MATCH (node:Project)-[r:IN_FOCUS_AREA|TARGETS|LOCATED_IN|RESPONSIBLE_FOR|PARTICIPATES_IN]-(x)
       WITH type(r) AS kind, x
       WHERE kind IN ['IN_FOCUS_AREA', 'TARGETS'] OR x.type IN ['kommun', 'region']
       WITH DISTINCT CASE kind WHEN 'IN_FOCUS_AREA' THEN 'f' WHEN 'TARGETS' THEN 't' ELSE 'p' END AS facet,
            x.name AS name,
            CASE WHEN kind IN ['IN_FOCUS_AREA', 'TARGETS'] THEN null ELSE x.type END AS type
       RETURN {facet: facet, name: name, type: type} ORDER BY name
     } AS links
RETURN node.id AS id, [l IN labels(node) WHERE l <> 'Entity'][0] AS label,
       coalesce(node.name, node.title, node.text) AS name, score,
       coalesce(node.description, node.goal_text, node.summary, node.definition, '') AS text,
       node.status AS status, node.county AS county,
       toInteger(left(toString(node.start), 4)) AS first_year,
       toInteger(left(toString(node.end), 4)) AS last_year,
       [l IN links WHERE l.facet = 'f' | l.name] AS focus_areas,
       [l IN links WHERE l.facet = 't' | l.name] AS target_groups,
       [l IN links WHERE l.facet = 'p' | l.name] AS places,
       reduce(types = [], l IN links |
              CASE WHEN l.type IS NULL OR l.type IN types THEN types ELSE types + l.type END) AS huvudman
ORDER BY score DESC, id
