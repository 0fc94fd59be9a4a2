// The stored RELATED_TO pairs, so that refresh writes only what changed (graph/analytics/related.py).
// One row per project, its pairs as lists [b, score, text_score, reasons, coordination,
// across_counties] in STORED_FIELDS order: one row per pair took 13 s for 431 000 pairs, this 5 s.
MATCH (p:Project)
WITH p, [(p)-[r:RELATED_TO]->(q:Project) |
         [q.id, r.score, r.text_score, r.reasons, r.coordination, r.across_counties]] AS pairs
WHERE size(pairs) > 0
RETURN p.id AS a, pairs
