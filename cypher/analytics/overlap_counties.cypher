// Overlap 4: the same kind of initiative in different counties: the related pairs refresh marked
// `across_counties`, best score first. Read in order from the (across_counties, score) index
// (cypher/schema/007), so only the first $limit pairs are touched.
MATCH (p:Project)-[r:RELATED_TO]->(q:Project)
WHERE r.across_counties = true AND r.score >= $min_score
RETURN p.id AS a_id, p.name AS a_name, p.county AS a_county,
       q.id AS b_id, q.name AS b_name, q.county AS b_county,
       r.score AS score, r.text_score AS text_score, r.reasons AS reasons
ORDER BY r.across_counties DESC, score DESC, a_id, b_id
LIMIT $limit
