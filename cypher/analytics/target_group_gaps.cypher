// Target-group gap: target groups with few or no projects; those a målbild names come first.
MATCH (t:TargetGroup)
WITH t, COUNT { (:Project)-[:TARGETS]->(t) } AS projects,
     COLLECT { MATCH (t)-[:MENTIONED_IN]->(d:Document) RETURN DISTINCT d.kind } AS kinds
WHERE projects <= $max_projects
RETURN t.id AS id, t.name AS name, projects, 'målbild' IN kinds AS in_malbild, kinds AS document_kinds
ORDER BY in_malbild DESC, projects, name
LIMIT $limit
