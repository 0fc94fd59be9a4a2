// Compound parts of document titles for the full-text index.
UNWIND $rows AS row
MATCH (n:Document {id: row.id})
SET n.search_terms = row.terms
