// Excel import: relationships that may occur several times between the same nodes (MENTIONED_IN:
// one per quote). Created unless one with exactly these properties exists, so a second import of
// the same workbook changes nothing.
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
WITH a, b, row
WHERE NOT EXISTS { MATCH (a)-[e]->(b) WHERE type(e) = row.type AND properties(e) = row.properties }
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
RETURN count(r) AS relationships
