// Backup: every node of the knowledge graph with all labels and properties. The schema's
// bookkeeping (Migration, SchemaVersion) is left out: `db migrate` recreates it on restore.
MATCH (n)
WHERE NOT n:Migration AND NOT n:SchemaVersion
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
