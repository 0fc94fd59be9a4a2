// The current (not superseded) version of each value key a file names.
UNWIND $keys AS key
MATCH (v:MeasureValue {key: key})
WHERE v.superseded = false
RETURN v.key AS key, v.id AS id, v.version AS version, v.value AS value, v.unit AS unit
