// Projects per focus area (by name) and county, for the page's headings, pages and county choice;
// rows with a null focus_area count, per county, the projects in no focus area. Every project is read
// from the focus areas' side and by its county, never along its own relationships.
MATCH (p:Project)
WITH coalesce(p.county, '') AS county, count(*) AS projects
WITH collect({county: county, projects: projects}) AS totals
CALL () {
  MATCH (f:FocusArea)<-[:IN_FOCUS_AREA]-(p:Project)
  WITH f.name AS name, coalesce(p.county, '') AS county, p
  // area '': the projects in at least one focus area, each once; per area a row per focus area a
  // project is in, as the page lists them
  UNWIND [name, ''] AS area
  WITH area, county, count(DISTINCT p) AS projects, count(*) AS rows
  RETURN collect({area: area, county: county, projects: CASE area WHEN '' THEN projects ELSE rows END})
           AS counted
}
WITH [c IN counted WHERE c.area <> ''] AS areas,
     [t IN totals | {area: null, county: t.county,
                     projects: t.projects - coalesce(head([c IN counted WHERE c.area = '' AND c.county = t.county
                                                           | c.projects]), 0)}] AS unassigned
UNWIND areas + [u IN unassigned WHERE u.projects > 0] AS row
RETURN row.area AS focus_area, CASE row.county WHEN '' THEN null ELSE row.county END AS county,
       row.projects AS projects
ORDER BY focus_area, county
