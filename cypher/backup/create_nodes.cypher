// Restore: one batch of nodes with their labels (dynamic labels, Neo4j 5.26) and properties.
// Returns each node's element id so relationships can find their ends without a label scan.
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.properties
RETURN row.id AS id, elementId(n) AS element
