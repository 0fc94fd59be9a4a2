// Time gap: the time plan has ended but the project is still 'pågående'.
MATCH (p:Project)
WHERE p.status = 'pågående' AND toInteger(left(toString(p.end), 4)) < $year
RETURN p.id AS id, p.name AS name, p.county AS county, p.end AS end, p.timeplan_text AS timeplan,
       COLLECT { MATCH (p)-[:IN_FOCUS_AREA]->(f:FocusArea) RETURN DISTINCT f.name } AS focus_areas
ORDER BY end, name
LIMIT $limit
