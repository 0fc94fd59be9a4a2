// Time gap: the time plan has ended but the project is still 'pågående'.
// Read in the order of the project_end index (p.end IS NOT NULL lets the planner use it), so with a
// limit only the earliest ends are read, not every ongoing project.
MATCH (p:Project)
WHERE p.end IS NOT NULL AND p.status = 'pågående' AND toInteger(left(toString(p.end), 4)) < $year
WITH p ORDER BY p.end, p.name LIMIT $limit
RETURN p.id AS id, p.name AS name, p.county AS county, p.end AS end, p.timeplan_text AS timeplan,
       COLLECT { MATCH (p)-[:IN_FOCUS_AREA]->(f:FocusArea) RETURN DISTINCT f.name } AS focus_areas
ORDER BY end, name
