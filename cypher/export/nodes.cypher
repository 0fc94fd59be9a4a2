// Every node of the knowledge graph (bookkeeping labels excluded), keyed by its id property.
MATCH (n)
WHERE n.id IS NOT NULL AND NOT n:SchemaVersion
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
