// The coverage heatmaps' input, counted in the database: per focus area (of one county, or all when
// $county is null) its ongoing projects, how many of them are county-wide (länsgemensamma), how many
// count for region and for kommun as huvudman, and per municipality how many local projects run
// there. The rule is graph/analytics/gaps.py's; coverage_gap_areas.cypher asks the same question
// with EXISTS for the gap list. Ongoing: status 'pågående', or status unknown with $year inside
// start..end.
MATCH (f:FocusArea)
WHERE ($county IS NULL OR f.county = $county)
  // the areas in force in $year, as in coverage_gap_areas.cypher
  AND NOT EXISTS { (f)<-[:CONTINUES]-(:FocusArea) }
  AND (f.period IS NULL OR toInteger(left(f.period, 4)) IS NULL
       OR (toInteger(left(f.period, 4)) <= $year
           AND coalesce(toInteger(right(f.period, 4)), toInteger(left(f.period, 4))) >= $year))
CALL (f) {
  MATCH (f)<-[:IN_FOCUS_AREA]-(p:Project)
  WHERE CASE WHEN p.status = 'pågående' THEN true
             WHEN coalesce(p.status, 'okänd') <> 'okänd' THEN false
             ELSE (p.start IS NOT NULL OR p.end IS NOT NULL)
                  AND coalesce(toInteger(left(toString(p.start), 4)), $year) <= $year
                  AND coalesce(toInteger(left(toString(p.end), 4)), $year) >= $year
        END
  // each place once: a kommun (any of the three relationships), a region or a county-wide body
  // (responsible or taking part), or the County the project is LOCATED_IN
  CALL (p) {
    OPTIONAL MATCH (p)-[r:LOCATED_IN|RESPONSIBLE_FOR|PARTICIPATES_IN]-(x)
    WITH x, CASE
           WHEN x.type = 'kommun' THEN CASE WHEN x:Actor THEN 'kommun' END
           WHEN x.type = 'region' THEN
             CASE WHEN type(r) <> 'LOCATED_IN' AND endNode(r) = p AND x:Actor THEN 'region' END
           WHEN x.county IS NOT NULL AND x.type IS NOT NULL THEN
             CASE WHEN type(r) <> 'LOCATED_IN' AND endNode(r) = p AND x:Actor THEN 'body' END
           WHEN type(r) = 'LOCATED_IN' THEN CASE WHEN startNode(r) = p AND x:County THEN 'county' END
         END AS kind
    RETURN collect(DISTINCT CASE WHEN kind = 'kommun' THEN x.name END) AS municipalities,
           count(CASE WHEN kind = 'region' THEN 1 END) > 0 AS region,
           count(CASE WHEN kind IN ['county', 'body'] THEN 1 END) > 0 AS county_place
  }
  // county-wide: in the County, a region or a county body takes part, or no place and no actor
  WITH municipalities, region, size(municipalities) = 0 OR county_place OR region AS county_wide
  WITH count(*) AS projects,
       count(CASE WHEN county_wide THEN 1 END) AS county_wide,
       count(CASE WHEN region OR county_wide THEN 1 END) AS region,
       count(CASE WHEN size(municipalities) > 0 OR county_wide THEN 1 END) AS kommun,
       collect(CASE WHEN NOT county_wide THEN municipalities END) AS local
  RETURN projects, county_wide, region, kommun,
         COLLECT { UNWIND local AS names UNWIND names AS name
                   WITH name, count(*) AS local_projects ORDER BY name
                   RETURN {name: name, projects: local_projects} } AS municipalities
}
RETURN f.id AS id, f.name AS name, f.period AS period, f.county AS county,
       projects, county_wide, region, kommun, municipalities
ORDER BY county, name, period
