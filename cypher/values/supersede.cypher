// A value that changed keeps its old version, marked superseded with the date of the change.
UNWIND $ids AS id
MATCH (v:MeasureValue {id: id})
SET v.superseded = true, v.superseded_at = $at
RETURN count(v) AS superseded
