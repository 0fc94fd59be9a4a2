// Readiness of joint work against the projektrapport's five criteria for a gemensam satsning.
// The page of projects (ordered by county, name) is chosen first and checked afterwards, so a limit
// reads only that page's relationships. Projects with a county come in the order of the
// project_county index (only the first counties are read); those without one sort last and are
// read only when the page is not full.
CALL () {
  WITH 1 AS scan WHERE $focus_area IS NULL
  MATCH (p:Project)
  WHERE p.county IS NOT NULL AND ($joint_only = false OR toLower(coalesce(p.kind, '')) CONTAINS 'gemensam')
  WITH p ORDER BY p.county, p.name LIMIT $limit
  RETURN collect(p) AS placed
}
CALL (placed) {
  WITH 1 AS scan WHERE $focus_area IS NULL AND size(placed) < $limit
  MATCH (p:Project)
  WHERE p.county IS NULL AND ($joint_only = false OR toLower(coalesce(p.kind, '')) CONTAINS 'gemensam')
  WITH p ORDER BY p.name LIMIT $limit
  RETURN collect(p) AS unplaced
}
// one focus area: its projects, however many (null $focus_area: none)
CALL () {
  MATCH (:FocusArea {id: $focus_area})<-[:IN_FOCUS_AREA]-(p:Project)
  WHERE $joint_only = false OR toLower(coalesce(p.kind, '')) CONTAINS 'gemensam'
  RETURN collect(DISTINCT p) AS in_area
}
UNWIND placed + unplaced + in_area AS p
WITH p ORDER BY p.county, p.name LIMIT $limit
// decisions, responsible actors and indicators in one walk of the project's relationships
CALL (p) {
  OPTIONAL MATCH (p)-[r:CONCERNS|RESPONSIBLE_FOR|FOLLOWED_BY]-(x)
  WITH r, x, r IS NOT NULL AND endNode(r) = p AS incoming
  RETURN collect(DISTINCT CASE WHEN incoming AND type(r) = 'CONCERNS' AND x:Decision
                               THEN coalesce(x.diarienummer, x.paragraph, x.date, x.id) END) AS decisions,
         collect(DISTINCT CASE WHEN incoming AND type(r) = 'RESPONSIBLE_FOR' AND x:Actor THEN x.name END)
           AS responsible,
         collect(DISTINCT CASE WHEN NOT incoming AND type(r) = 'FOLLOWED_BY' AND x:Indicator THEN x.name END)
           AS indicators
}
WITH p, decisions, responsible, indicators,
     coalesce(p.pilot, false) = true
       OR any(t IN [p.timeplan_text, p.description, p.name, p.kind]
              WHERE toLower(coalesce(t, '')) =~ '.*\\b(pilot|test|förstudie|prova|testa|provas|testas).*')
       AS pilot
RETURN p.id AS id, p.name AS name, p.county AS county, p.status AS status, p.kind AS kind,
       decisions, responsible, indicators,
       size(decisions) > 0 AS decision,
       size(responsible) > 0 AS resources,
       trim(toString(coalesce(p.financing, ''))) <> '' AS financing,
       (trim(toString(coalesce(p.follow_up, ''))) <> '' OR size(indicators) > 0) AS follow_up,
       pilot
ORDER BY county, name
