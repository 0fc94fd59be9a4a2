// One row per project with what the overview, the timeline and the search facets need.
MATCH (p:Project)
OPTIONAL MATCH (p)-[:IN_FOCUS_AREA]->(f:FocusArea)
WITH p, collect(DISTINCT f.name) AS focus_areas
OPTIONAL MATCH (a:Actor)-[:RESPONSIBLE_FOR]->(p)
WITH p, focus_areas, collect(DISTINCT {id: a.id, name: a.name, type: a.type}) AS responsible
OPTIONAL MATCH (p)-[:TARGETS]->(t:TargetGroup)
WITH p, focus_areas, responsible, collect(DISTINCT t.name) AS target_groups
OPTIONAL MATCH (p)-[:LOCATED_IN]->(place)
RETURN p.id AS id, p.name AS name, p.status AS status, p.kind AS kind, p.county AS county,
       p.start AS start, p.end AS end, p.timeplan_text AS timeplan,
       focus_areas, [r IN responsible WHERE r.id IS NOT NULL] AS responsible, target_groups,
       collect(DISTINCT place.name) AS places
ORDER BY name
