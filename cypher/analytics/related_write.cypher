// Computed RELATED_TO pairs (one relationship per pair, from the smaller id); no sources, no mentions.
// The overlap marks (graph/analytics/overlaps.py): `across_counties` on every pair, `coordination`
// only on pairs that qualify.
UNWIND $rows AS row
MATCH (p:Project {id: row.a})
MATCH (q:Project {id: row.b})
CREATE (p)-[:RELATED_TO {score: row.score, text_score: row.text_score, reasons: row.reasons,
                         coordination: row.coordination, across_counties: row.across_counties,
                         computed_at: $computed_at}]->(q)
