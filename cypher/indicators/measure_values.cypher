// The values of one measure: current ones, or every version when $history is true.
MATCH (m:Measure {id: $measure})-[:HAS_VALUE]->(v:MeasureValue)
WHERE ($history OR v.superseded = false) AND ($gender IS NULL OR v.gender = $gender)
RETURN v.id AS id, v.area AS area, v.area_kind AS area_kind, v.area_code AS area_code, v.county AS county,
       v.period AS period, v.gender AS gender, v.value AS value, v.unit AS unit, v.source AS source,
       v.status AS status, v.kolada_kpi AS kolada_kpi, v.file AS file, v.line AS line,
       v.version AS version, v.recorded_at AS recorded_at, v.superseded AS superseded,
       v.superseded_at AS superseded_at
ORDER BY area_kind, area, period, gender, version
