// Compound parts for the full-text index (computed, so a search for a part finds the compound).
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n.search_terms = row.terms
