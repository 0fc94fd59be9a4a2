// Deletes, per row, one relationship of node $id with exactly the given type, direction, other node
// and properties (undoing a copy made by a merge).
MATCH (n:Entity {id: $id})
UNWIND $rows AS row
CALL (n, row) {
  MATCH (n)-[r]->(x)
  WHERE row.dir = 'out' AND type(r) = row.type AND x.id = row.other AND properties(r) = row.properties
  RETURN r
  UNION
  MATCH (n)<-[r]-(x)
  WHERE row.dir = 'in' AND type(r) = row.type AND x.id = row.other AND properties(r) = row.properties
  RETURN r
}
WITH row, head(collect(r)) AS r
WHERE r IS NOT NULL
DELETE r
RETURN count(*) AS deleted
