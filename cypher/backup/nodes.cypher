// Backup: every node of the knowledge graph with all labels and properties. The schema's
// bookkeeping (Migration, SchemaVersion) is left out: `db migrate` recreates it on restore; so is
// the refresh bookkeeping (Meta: the refresh lock and the stale marker).
MATCH (n)
WHERE NOT n:Migration AND NOT n:SchemaVersion AND NOT n:Meta
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
