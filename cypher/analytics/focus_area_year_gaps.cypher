// Time gap: years of a focus area's plan period with no project planned or running in it.
// A project's years are start..end; a missing bound is the period's bound (a "Pågående" row runs
// through the period); a finished project without years covers none.
// Per year the search stops at the first project that covers it, so a busy focus area costs a few
// projects, not all of them; only the areas with a gap count their projects.
MATCH (f:FocusArea)
WITH f, toInteger(left(f.period, 4)) AS first, toInteger(right(f.period, 4)) AS last
WHERE first IS NOT NULL AND last IS NOT NULL AND first <= last AND last - first <= 30
UNWIND range(first, last) AS year
WITH f, first, last, year
WHERE NOT EXISTS {
  MATCH (f)<-[:IN_FOCUS_AREA]-(p:Project)
  WHERE NOT (p.status = 'avslutad' AND p.start IS NULL AND p.end IS NULL)
    AND coalesce(toInteger(left(toString(p.start), 4)), first) <= year
    AND year <= coalesce(toInteger(left(toString(p.end), 4)), last)
}
WITH f, collect(year) AS years
RETURN f.id AS id, f.name AS name, f.period AS period, f.county AS county, years,
       COUNT { MATCH (f)<-[:IN_FOCUS_AREA]-(p:Project)
               WHERE NOT (p.status = 'avslutad' AND p.start IS NULL AND p.end IS NULL) } AS projects
ORDER BY county, name
