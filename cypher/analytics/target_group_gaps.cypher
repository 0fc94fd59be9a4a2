// Target-group gap: target groups with few or no projects; those a målbild names come first.
// The documents a group is mentioned in are read only for the groups with few projects (a group
// with many projects is mentioned once per project row).
MATCH (t:TargetGroup)
WITH t, COUNT { (:Project)-[:TARGETS]->(t) } AS projects
WHERE projects <= $max_projects
// labels(d) keeps the walk starting at t: with (d:Document) the planner starts from the documents
// and checks every document against every group (millions of relationships at 50 000 projects)
WITH t, projects,
     COLLECT { MATCH (t)-[:MENTIONED_IN]->(d) WHERE 'Document' IN labels(d) RETURN DISTINCT d.kind } AS kinds
RETURN t.id AS id, t.name AS name, projects, 'målbild' IN kinds AS in_malbild, kinds AS document_kinds
ORDER BY in_malbild DESC, projects, name
LIMIT $limit
