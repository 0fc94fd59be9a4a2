// Projects for the overview's per-project timeline: of one län ($county), fokusområde ($focus_area:
// the first of the project's focus areas by name, '' for none) and status ($status, '' for none),
// null for any; at most $limit by name, with what ui.figures.project_frame needs.
MATCH (p:Project)
WHERE ($county IS NULL OR p.county = $county) AND ($status IS NULL OR coalesce(p.status, '') = $status)
CALL (p) {
  OPTIONAL MATCH (p)-[:IN_FOCUS_AREA]->(f:FocusArea)
  WITH f
  ORDER BY f.name
  RETURN collect(DISTINCT f.name) AS focus_areas
}
WITH p, focus_areas
WHERE $focus_area IS NULL OR coalesce(focus_areas[0], '') = $focus_area
ORDER BY p.name
LIMIT $limit
OPTIONAL MATCH (a:Actor)-[:RESPONSIBLE_FOR]->(p)
WITH p, focus_areas, collect(DISTINCT {id: a.id, name: a.name, type: a.type}) AS responsible
RETURN p.id AS id, p.name AS name, p.status AS status, p.county AS county,
       p.start AS start, p.end AS end, p.timeplan_text AS timeplan, focus_areas,
       [r IN responsible WHERE r.id IS NOT NULL] AS responsible
ORDER BY name
