// Every measure with the names and the Kolada KPI a value file may name it by.
MATCH (m:Measure)
RETURN m.id AS id, m.name AS name, coalesce(m.aliases, []) AS aliases, m.kolada_kpi AS kolada_kpi
ORDER BY id
