// Coverage gap input: every focus area with its ongoing projects and where each of them runs.
// Ongoing: status 'pågående', or status unknown with the current year inside start..end.
MATCH (f:FocusArea)
CALL (f) {
  OPTIONAL MATCH (p:Project)-[:IN_FOCUS_AREA]->(f)
  WHERE p.status = 'pågående'
     OR (coalesce(p.status, 'okänd') = 'okänd'
         AND coalesce(toInteger(left(toString(p.start), 4)), $year) <= $year
         AND coalesce(toInteger(left(toString(p.end), 4)), $year) >= $year
         AND (p.start IS NOT NULL OR p.end IS NOT NULL))
  WITH p WHERE p IS NOT NULL
  RETURN collect(p {
    .id, .name, .county,
    municipalities: COLLECT { MATCH (p)-[:LOCATED_IN|RESPONSIBLE_FOR|PARTICIPATES_IN]-(a:Actor)
                              WHERE a.type = 'kommun' RETURN DISTINCT a.name },
    counties: COLLECT { MATCH (p)-[:LOCATED_IN]->(c:County) RETURN DISTINCT c.name },
    regions: COLLECT { MATCH (p)<-[:RESPONSIBLE_FOR|PARTICIPATES_IN]-(a:Actor)
                       WHERE a.type = 'region' RETURN DISTINCT a.name },
    county_bodies: COLLECT { MATCH (p)<-[:RESPONSIBLE_FOR|PARTICIPATES_IN]-(a:Actor)
                             WHERE a.county IS NOT NULL AND NOT a.type IN ['kommun', 'region']
                             RETURN DISTINCT a.name }
  }) AS projects
}
RETURN f.id AS id, f.name AS name, f.period AS period, f.county AS county, projects
ORDER BY county, name, period
