// Indicator gap: a measure with no data source.
MATCH (m:Measure)
WHERE m.source IS NULL OR trim(toString(m.source)) = ''
RETURN m.id AS id, m.name AS name,
       COLLECT { MATCH (i:Indicator)-[:MEASURED_BY]->(m) RETURN DISTINCT i.name } AS indicators
ORDER BY name
LIMIT $limit
