// Projects grouped by focus area; projects in no focus area come under a null focus area.
MATCH (p:Project)
OPTIONAL MATCH (p)-[:IN_FOCUS_AREA]->(f:FocusArea)
OPTIONAL MATCH (a:Actor)-[:RESPONSIBLE_FOR]->(p)
WITH p, f, collect(DISTINCT a.name) AS responsible
RETURN f.id AS focus_area_id, f.name AS focus_area, f.period AS period,
       p.id AS id, p.name AS name, p.status AS status, p.timeplan_text AS timeplan,
       p.county AS county, responsible
ORDER BY focus_area, county, name
