// Time gap: years of a focus area's plan period with no project planned or running in it.
// A project's years are start..end; a missing bound is the period's bound (a "Pågående" row runs
// through the period); a finished project without years covers none.
MATCH (f:FocusArea)
WITH f, toInteger(left(f.period, 4)) AS first, toInteger(right(f.period, 4)) AS last
WHERE first IS NOT NULL AND last IS NOT NULL AND first <= last AND last - first <= 30
CALL (f, first, last) {
  OPTIONAL MATCH (p:Project)-[:IN_FOCUS_AREA]->(f)
  WHERE p IS NOT NULL AND NOT (p.status = 'avslutad' AND p.start IS NULL AND p.end IS NULL)
  RETURN collect([coalesce(toInteger(left(toString(p.start), 4)), first),
                  coalesce(toInteger(left(toString(p.end), 4)), last)]) AS spans
}
UNWIND range(first, last) AS year
WITH f, year, spans
WHERE none(s IN spans WHERE s[0] <= year AND year <= s[1])
RETURN f.id AS id, f.name AS name, f.period AS period, f.county AS county, collect(year) AS years,
       size(spans) AS projects
ORDER BY county, name
