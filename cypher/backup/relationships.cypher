// Backup: every relationship between knowledge-graph nodes, its ends given by their id property.
MATCH (a)-[r]->(b)
WHERE NOT a:Migration AND NOT a:SchemaVersion AND NOT a:Meta
  AND NOT b:Migration AND NOT b:SchemaVersion AND NOT b:Meta
RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS properties
