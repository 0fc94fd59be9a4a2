// Maps a measure to a Kolada KPI id (null removes the mapping); records when.
MATCH (m:Measure {id: $measure})
SET m.kolada_kpi = $kpi, m.kolada_mapped_at = $at
RETURN m.id AS id, m.name AS name, m.kolada_kpi AS kolada_kpi
