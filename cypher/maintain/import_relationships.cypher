// Excel import: one relationship per (type, start, end), upserted; properties are added (+=).
UNWIND $rows AS row
CALL (row) {
  MATCH (x:Entity {id: row.start}) RETURN x AS a
  UNION
  MATCH (x:Document {id: row.start}) RETURN x AS a
  UNION
  MATCH (x:MeasureValue {id: row.start}) RETURN x AS a
  UNION
  MATCH (x:Change {id: row.start}) RETURN x AS a
  UNION
  MATCH (x:Suggestion {id: row.start}) RETURN x AS a
}
CALL (row) {
  MATCH (x:Entity {id: row.end}) RETURN x AS b
  UNION
  MATCH (x:Document {id: row.end}) RETURN x AS b
  UNION
  MATCH (x:MeasureValue {id: row.end}) RETURN x AS b
  UNION
  MATCH (x:Change {id: row.end}) RETURN x AS b
  UNION
  MATCH (x:Suggestion {id: row.end}) RETURN x AS b
}
MERGE (a)-[r:$(row.type)]->(b)
SET r += row.properties
RETURN count(r) AS relationships
