// Gap: measures that have no value yet, with the indicators they measure.
MATCH (m:Measure)
WHERE NOT (m)-[:HAS_VALUE]->(:MeasureValue)
RETURN m.id AS id, m.name AS name, m.source AS source, m.kolada_kpi AS kolada_kpi,
       COLLECT { MATCH (i:Indicator)-[:MEASURED_BY]->(m) RETURN i.name ORDER BY i.name } AS indicators
ORDER BY name
