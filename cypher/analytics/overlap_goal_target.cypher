// Overlap 1: two projects with the same goal or focus area and the same target group, and no
// responsible actor in common: a coordination opportunity. The candidates are the related pairs
// that refresh marked with `coordination` (shared goals × 1000 + shared target groups, see
// graph/analytics/overlaps.py), best first by that key and then by similarity; what the reasons
// name is read from the graph as it is now, and a pair that no longer qualifies is left out.
// `r.score IS NOT NULL` lets the planner read the pairs from the (coordination, score) index in
// order (cypher/schema/007) and stop after $limit.
MATCH (p:Project)-[r:RELATED_TO]->(q:Project)
WHERE r.coordination > 0 AND r.score IS NOT NULL
WITH p, q, r
ORDER BY r.coordination DESC, r.score DESC, p.id, q.id
LIMIT $limit
WITH p, q, r,
     COLLECT { MATCH (p)-[:TARGETS]->(t:TargetGroup)<-[:TARGETS]-(q) RETURN DISTINCT t.name } AS target_groups,
     COLLECT { MATCH (p)-[:ADDRESSES]->(g:Goal)<-[:ADDRESSES]-(q) RETURN DISTINCT coalesce(g.text, g.name) } AS goals,
     COLLECT { MATCH (p)-[:IN_FOCUS_AREA]->(f:FocusArea)<-[:IN_FOCUS_AREA]-(q) RETURN DISTINCT f.name } AS focus_areas,
     COLLECT { MATCH (a:Actor)-[:RESPONSIBLE_FOR]->(p) RETURN DISTINCT a.name } AS responsible_a,
     COLLECT { MATCH (a:Actor)-[:RESPONSIBLE_FOR]->(q) RETURN DISTINCT a.name } AS responsible_b
WHERE size(target_groups) > 0 AND (size(goals) > 0 OR size(focus_areas) > 0)
  AND none(a IN responsible_a WHERE a IN responsible_b)
RETURN p.id AS a_id, p.name AS a_name, p.county AS a_county, responsible_a,
       q.id AS b_id, q.name AS b_name, q.county AS b_county, responsible_b,
       target_groups, goals, focus_areas, r.score AS score
ORDER BY r.coordination DESC, r.score DESC, a_id, b_id
