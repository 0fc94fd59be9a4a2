MATCH (a)-[r]->(b)
WHERE a.id IS NOT NULL AND b.id IS NOT NULL
RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS properties
