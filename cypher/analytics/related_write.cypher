// Computed RELATED_TO pairs (one relationship per pair, from the smaller id); no sources, no mentions.
UNWIND $rows AS row
MATCH (p:Project {id: row.a})
MATCH (q:Project {id: row.b})
CREATE (p)-[:RELATED_TO {score: row.score, text_score: row.text_score, reasons: row.reasons,
                         computed_at: $computed_at}]->(q)
