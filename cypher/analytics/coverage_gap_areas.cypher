// Coverage gap input: the focus areas with no ongoing county-wide (länsgemensam) work, each with its
// number of ongoing projects and the municipalities they run in (every such project is local). An
// area with county-wide work has no gap (graph/analytics/gaps.py has the rule, coverage_counts.cypher
// counts the same cells for the heatmaps); EXISTS stops at the first county-wide project, so an area
// costs a few projects' relationships, not all of them.
// Ongoing: status 'pågående', or status unknown with $year inside start..end.
MATCH (f:FocusArea)
// the areas in force in $year: not continued by a later plan's area (lineage.py), and with $year in
// the period when the area has one ("2024-2027")
WHERE NOT EXISTS { (f)<-[:CONTINUES]-(:FocusArea) }
  AND (f.period IS NULL OR toInteger(left(f.period, 4)) IS NULL
       OR (toInteger(left(f.period, 4)) <= $year
           AND coalesce(toInteger(right(f.period, 4)), toInteger(left(f.period, 4))) >= $year))
  AND NOT EXISTS {
  MATCH (f)<-[:IN_FOCUS_AREA]-(p:Project)
  WHERE CASE WHEN p.status = 'pågående' THEN true
             WHEN coalesce(p.status, 'okänd') <> 'okänd' THEN false
             ELSE (p.start IS NOT NULL OR p.end IS NOT NULL)
                  AND coalesce(toInteger(left(toString(p.start), 4)), $year) <= $year
                  AND coalesce(toInteger(left(toString(p.end), 4)), $year) >= $year
        END
    AND (EXISTS { (p)-[:LOCATED_IN]->(:County) }
         OR EXISTS { MATCH (p)<-[:RESPONSIBLE_FOR|PARTICIPATES_IN]-(a:Actor)
                     WHERE a.type = 'region' OR (a.county IS NOT NULL AND NOT a.type IN ['kommun', 'region']) }
         OR NOT EXISTS { MATCH (p)-[:LOCATED_IN|RESPONSIBLE_FOR|PARTICIPATES_IN]-(a:Actor)
                         WHERE a.type = 'kommun' })
}
CALL (f) {
  MATCH (f)<-[:IN_FOCUS_AREA]-(p:Project)
  WHERE CASE WHEN p.status = 'pågående' THEN true
             WHEN coalesce(p.status, 'okänd') <> 'okänd' THEN false
             ELSE (p.start IS NOT NULL OR p.end IS NOT NULL)
                  AND coalesce(toInteger(left(toString(p.start), 4)), $year) <= $year
                  AND coalesce(toInteger(left(toString(p.end), 4)), $year) >= $year
        END
  OPTIONAL MATCH (p)-[:LOCATED_IN|RESPONSIBLE_FOR|PARTICIPATES_IN]-(a:Actor)
  WHERE a.type = 'kommun'
  RETURN count(DISTINCT p) AS projects, collect(DISTINCT a.name) AS municipalities
}
RETURN f.id AS id, f.name AS name, f.period AS period, f.county AS county, projects, municipalities
ORDER BY county, name, period
