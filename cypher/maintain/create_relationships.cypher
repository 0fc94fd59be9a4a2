// Creates relationships of node $id to other nodes (found by id among the id-keyed labels).
MATCH (n:Entity {id: $id})
UNWIND $rows AS row
CALL (row) {
  MATCH (x:Entity {id: row.other}) RETURN x
  UNION
  MATCH (x:Document {id: row.other}) RETURN x
  UNION
  MATCH (x:MeasureValue {id: row.other}) RETURN x
  UNION
  MATCH (x:Suggestion {id: row.other}) RETURN x
}
CALL (n, x, row) {
  WITH n, x, row WHERE row.dir = 'out'
  CREATE (n)-[r:$(row.type)]->(x)
  SET r = row.properties
  RETURN r
  UNION
  WITH n, x, row WHERE row.dir = 'in'
  CREATE (x)-[r:$(row.type)]->(n)
  SET r = row.properties
  RETURN r
}
RETURN count(r) AS created
