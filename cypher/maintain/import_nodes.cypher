// Excel import: upsert nodes by id. row.key names the id-keyed label to merge on (an index seek);
// other labels are merged on their first label. Properties from the sheet are added (+=): an empty
// cell changes nothing.
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE row.key = 'Entity'
  MERGE (n:Entity {id: row.id})
  RETURN n
  UNION
  WITH row WHERE row.key = 'Document'
  MERGE (n:Document {id: row.id})
  RETURN n
  UNION
  WITH row WHERE row.key = 'MeasureValue'
  MERGE (n:MeasureValue {id: row.id})
  RETURN n
  UNION
  WITH row WHERE row.key = 'Change'
  MERGE (n:Change {id: row.id})
  RETURN n
  UNION
  WITH row WHERE row.key = 'Suggestion'
  MERGE (n:Suggestion {id: row.id})
  RETURN n
  UNION
  WITH row WHERE row.key IS NULL
  MERGE (n:$(row.labels[0]) {id: row.id})
  RETURN n
}
SET n:$(row.labels), n += row.properties
RETURN count(n) AS nodes
