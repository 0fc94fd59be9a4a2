// The precomputed RELATED_TO graph, for communities of overlapping work.
MATCH (p:Project)-[r:RELATED_TO]->(q:Project)
WHERE r.score >= $min_score
RETURN p.id AS a, q.id AS b, r.score AS score
