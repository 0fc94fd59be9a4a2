// Every measure with its Kolada mapping and indicators: the choices for mapping and charts.
MATCH (m:Measure)
RETURN m.id AS id, m.name AS name, m.source AS source, m.kolada_kpi AS kolada_kpi,
       m.kolada_mapped_at AS kolada_mapped_at,
       COLLECT { MATCH (i:Indicator)-[:MEASURED_BY]->(m) RETURN i.name ORDER BY i.name } AS indicators,
       COUNT { (m)-[:HAS_VALUE]->(v:MeasureValue) WHERE v.superseded = false } AS values
ORDER BY name
