// Pairs that are still related but whose score, reasons or overlap marks changed.
UNWIND $rows AS row
MATCH (:Project {id: row.a})-[r:RELATED_TO]->(:Project {id: row.b})
SET r.score = row.score, r.text_score = row.text_score, r.reasons = row.reasons,
    r.coordination = row.coordination, r.across_counties = row.across_counties,
    r.computed_at = $computed_at
