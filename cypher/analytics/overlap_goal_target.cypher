// Overlap 1: two projects with the same goal or focus area and the same target group, and no
// responsible actor in common: a coordination opportunity.
MATCH (t:TargetGroup)<-[:TARGETS]-(p:Project)
MATCH (t)<-[:TARGETS]-(q:Project)
WHERE p.id < q.id
MATCH (p)-[:ADDRESSES|IN_FOCUS_AREA]->(x)<-[:ADDRESSES|IN_FOCUS_AREA]-(q)
WITH p, q, collect(DISTINCT t.name) AS target_groups,
     collect(DISTINCT CASE WHEN x:Goal THEN coalesce(x.text, x.name) END) AS goals,
     collect(DISTINCT CASE WHEN x:FocusArea THEN x.name END) AS focus_areas
WITH p, q, target_groups, goals, focus_areas,
     COLLECT { MATCH (a:Actor)-[:RESPONSIBLE_FOR]->(p) RETURN DISTINCT a.name } AS responsible_a,
     COLLECT { MATCH (a:Actor)-[:RESPONSIBLE_FOR]->(q) RETURN DISTINCT a.name } AS responsible_b
WHERE none(a IN responsible_a WHERE a IN responsible_b)
RETURN p.id AS a_id, p.name AS a_name, p.county AS a_county, responsible_a,
       q.id AS b_id, q.name AS b_name, q.county AS b_county, responsible_b,
       target_groups, goals, focus_areas
ORDER BY size(goals) DESC, size(target_groups) DESC, a_name, b_name
LIMIT $limit
