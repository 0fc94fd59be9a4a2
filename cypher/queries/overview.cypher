// The overview's figures, grouped in the database so that 50 000 projects come back as a few
// thousand rows. Each part walks from the side where a node's relationships are grouped by type
// (a focus area or an actor has many projects), not from the projects, whose relationship chains
// are long and would be read whole for one type:
//   projects:    every project by län, status, start and end;
//   focus:       projects with a focus area by län, fokusområde (the first by name), status, start, end;
//   responsible: projects with a responsible actor by län and the actors' types (for huvudman).
// Projects without a focus area or a responsible actor are the difference (ui.figures does the sums).
// Only projects have IN_FOCUS_AREA and RESPONSIBLE_FOR (graph/maintain/fields.py), so the far end
// needs no label check.
CALL () {
  MATCH (p:Project)
  WITH p.county AS county, p.status AS status, p.start AS start, p.end AS end, count(*) AS projects
  RETURN collect({county: county, status: status, start: start, end: end, projects: projects}) AS projects
}
CALL () {
  MATCH (f:FocusArea)<-[:IN_FOCUS_AREA]-(p)
  USING SCAN f:FocusArea
  WITH p, min(f.name) AS focus_area
  WITH p.county AS county, focus_area, p.status AS status, p.start AS start, p.end AS end,
       count(*) AS projects
  RETURN collect({county: county, focus_area: focus_area, status: status, start: start, end: end,
                  projects: projects}) AS focus
}
CALL () {
  MATCH (a:Actor)-[:RESPONSIBLE_FOR]->(p)
  USING SCAN a:Actor
  WITH p, collect(DISTINCT a.type) AS types
  WITH p.county AS county, types, count(*) AS projects
  RETURN collect({county: county, types: types, projects: projects}) AS responsible
}
RETURN projects, focus, responsible
