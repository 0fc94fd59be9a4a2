// The measure a Kolada KPI id is mapped to, if any.
MATCH (m:Measure {kolada_kpi: $kpi})
RETURN m.id AS id, m.name AS name
