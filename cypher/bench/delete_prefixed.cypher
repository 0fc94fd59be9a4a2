// Removes the benchmark's loader-comparison copies (ids with a given prefix), a batch at a time.
CALL () {
  MATCH (n:Entity) WHERE n.id STARTS WITH $prefix
  RETURN n
  UNION
  MATCH (n:Document) WHERE n.id STARTS WITH $prefix
  RETURN n
}
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
