// Computed RELATED_TO pairs (one relationship per pair, from the smaller id); no sources, no mentions.
// The overlap marks (graph/analytics/overlaps.py): `across_counties` on every pair, `coordination`
// only on pairs that qualify. MERGE: a pair that is already stored is updated, never doubled.
UNWIND $rows AS row
MATCH (p:Project {id: row.a})
MATCH (q:Project {id: row.b})
MERGE (p)-[r:RELATED_TO]->(q)
SET r.score = row.score, r.text_score = row.text_score, r.reasons = row.reasons,
    r.coordination = row.coordination, r.across_counties = row.across_counties,
    r.computed_at = $computed_at
