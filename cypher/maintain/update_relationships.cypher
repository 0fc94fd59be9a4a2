// Sets the properties of one existing relationship per row (type, direction, other node); for merges.
MATCH (n:Entity {id: $id})
UNWIND $rows AS row
CALL (n, row) {
  MATCH (n)-[r]->(x)
  WHERE row.dir = 'out' AND type(r) = row.type AND x.id = row.other
  RETURN r
  UNION
  MATCH (n)<-[r]-(x)
  WHERE row.dir = 'in' AND type(r) = row.type AND x.id = row.other
  RETURN r
}
WITH row, head(collect(r)) AS r
WHERE r IS NOT NULL
SET r = row.properties
RETURN count(r) AS updated
