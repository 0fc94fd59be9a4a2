// Overlap 2 (and, with $across_counties, 4 the slow way: overlap_counties.cypher is what the app
// uses): precomputed RELATED_TO pairs whose text similarity (or score) passes a threshold, best
// score first. The score index (cypher/schema/007) gives the order, so the read stops at $limit.
MATCH (p:Project)-[r:RELATED_TO]->(q:Project)
WHERE r.score >= $min_score AND r.text_score >= $min_text
  AND ($across_counties = false OR coalesce(p.county, '') <> coalesce(q.county, ''))
RETURN p.id AS a_id, p.name AS a_name, p.county AS a_county,
       q.id AS b_id, q.name AS b_name, q.county AS b_county,
       r.score AS score, r.text_score AS text_score, r.reasons AS reasons
ORDER BY score DESC, a_id, b_id
LIMIT $limit
