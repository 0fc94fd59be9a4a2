// Readiness of joint work against the projektrapport's five criteria for a gemensam satsning.
MATCH (p:Project)
WHERE ($focus_area IS NULL OR EXISTS { (p)-[:IN_FOCUS_AREA]->(:FocusArea {id: $focus_area}) })
  AND ($joint_only = false OR toLower(coalesce(p.kind, '')) CONTAINS 'gemensam')
WITH p,
     COLLECT { MATCH (d:Decision)-[:CONCERNS]->(p)
               RETURN DISTINCT coalesce(d.diarienummer, d.paragraph, d.date, d.id) } AS decisions,
     COLLECT { MATCH (a:Actor)-[:RESPONSIBLE_FOR]->(p) RETURN DISTINCT a.name } AS responsible,
     COLLECT { MATCH (p)-[:FOLLOWED_BY]->(i:Indicator) RETURN DISTINCT i.name } AS indicators
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
LIMIT $limit
