// Related initiatives of one project, best first (RELATED_TO is stored once per pair).
MATCH (p:Project {id: $id})-[r:RELATED_TO]-(q:Project)
RETURN q.id AS id, q.name AS name, q.county AS county, q.status AS status,
       r.score AS score, r.text_score AS text_score, r.reasons AS reasons
ORDER BY score DESC, id
LIMIT $limit
