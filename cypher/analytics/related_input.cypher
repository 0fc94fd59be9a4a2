// Everything the related-initiatives model needs about each project, in one pass.
MATCH (p:Project)
RETURN p.id AS id, p.name AS name, p.county AS county,
       coalesce(p.description, '') + ' ' + coalesce(p.goal_text, '') + ' ' + coalesce(p.initiative, '') AS text,
       COLLECT { MATCH (p)-[:IN_FOCUS_AREA]->(f:FocusArea) RETURN f {.id, .name} } AS focus_areas,
       COLLECT { MATCH (p)-[:ADDRESSES]->(g:Goal) RETURN g {.id, name: coalesce(g.text, g.name)} } AS goals,
       COLLECT { MATCH (p)-[:TARGETS]->(t:TargetGroup) RETURN t {.id, .name} } AS target_groups,
       COLLECT { MATCH (a:Actor)-[:RESPONSIBLE_FOR|PARTICIPATES_IN]->(p) RETURN DISTINCT a {.id, .name} } AS actors
ORDER BY id
