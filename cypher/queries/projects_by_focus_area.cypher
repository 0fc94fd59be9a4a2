// One page of projects per focus area (by name), in county and name order; projects in no focus area
// come under a null focus area. $focus_area: one area's name, '' for the projects in none, null for
// every area; $county: only that county's projects (null: every county); $skip / $limit: the page.
// Each area's page is chosen before the responsible actors are read. Projects in no focus area are
// looked for (a read of every project's relationships) only when the counts say there are some.
CALL () {
  MATCH (f:FocusArea)
  WHERE $focus_area IS NULL OR f.name = $focus_area
  WITH DISTINCT f.name AS area
  CALL (area) {
    MATCH (f:FocusArea {name: area})<-[:IN_FOCUS_AREA]-(p:Project)
    WHERE $county IS NULL OR p.county = $county
    WITH p, f ORDER BY p.county, p.name, p.id, f.id SKIP $skip LIMIT $limit
    RETURN p, f
  }
  RETURN p, f
  UNION
  WITH 1 AS unassigned WHERE $focus_area IS NULL OR $focus_area = ''
  CALL () {
    MATCH (p:Project)
    WHERE $county IS NULL OR p.county = $county
    RETURN count(p) AS projects
  }
  CALL () {
    MATCH (:FocusArea)<-[:IN_FOCUS_AREA]-(p:Project)
    WHERE $county IS NULL OR p.county = $county
    RETURN count(DISTINCT p) AS in_focus_areas
  }
  CALL (projects, in_focus_areas) {
    WITH 1 AS some WHERE projects > in_focus_areas
    MATCH (p:Project)
    WHERE ($county IS NULL OR p.county = $county) AND NOT EXISTS { (p)-[:IN_FOCUS_AREA]->(:FocusArea) }
    WITH p ORDER BY p.county, p.name, p.id SKIP $skip LIMIT $limit
    RETURN p
  }
  RETURN p, null AS f
}
RETURN f.id AS focus_area_id, f.name AS focus_area, f.period AS period,
       p.id AS id, p.name AS name, p.status AS status, p.timeplan_text AS timeplan, p.county AS county,
       COLLECT { MATCH (a:Actor)-[:RESPONSIBLE_FOR]->(p) RETURN DISTINCT a.name } AS responsible
ORDER BY focus_area, county, name, id
