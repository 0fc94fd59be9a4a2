// New value versions, each hung on its measure: (Measure)-[:HAS_VALUE]->(MeasureValue).
UNWIND $rows AS row
MATCH (m:Measure {id: row.measure})
CREATE (v:MeasureValue)
SET v = row
CREATE (m)-[:HAS_VALUE]->(v)
RETURN count(v) AS created
