// Overlap 3, actor load: actors responsible for at least $min_projects active projects, with the
// partner count and centrality that refresh stored (see graph/analytics/network.py). One pass
// over the actors' active projects; participates_in counts those it takes part in but is not
// responsible for.
MATCH (a:Actor)-[r:RESPONSIBLE_FOR|PARTICIPATES_IN]->(p:Project)
USING SCAN a:Actor
WHERE coalesce(p.status, 'okänd') IN $statuses
WITH a, p, collect(type(r)) AS types
WITH a, collect(CASE WHEN 'RESPONSIBLE_FOR' IN types THEN p.name END) AS projects,
     count(CASE WHEN 'RESPONSIBLE_FOR' IN types THEN 1 END) AS responsible_for, count(p) AS involved
WHERE responsible_for >= $min_projects
RETURN a.id AS id, a.name AS name, a.type AS type, responsible_for,
       involved - responsible_for AS participates_in,
       a.partners AS partners, a.centrality AS centrality, projects
