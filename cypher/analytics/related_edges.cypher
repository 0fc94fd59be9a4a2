// The precomputed RELATED_TO graph, for communities of overlapping work (in a fixed order, so that
// Louvain with a fixed seed gives the same communities).
MATCH (p:Project)-[r:RELATED_TO]->(q:Project)
WHERE r.score >= $min_score
RETURN p.id AS a, q.id AS b, r.score AS score
ORDER BY a, b
