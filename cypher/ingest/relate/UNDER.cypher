// Extracted UNDER relationships; sources is the sorted union over the documents that state them.
UNWIND $rows AS row
MATCH (a:Entity {id: row.start})
MATCH (b:Entity {id: row.end})
MERGE (a)-[r:UNDER]->(b)
SET r += row.properties
WITH r, row
CALL (r, row) {
  UNWIND coalesce(r.sources, []) + row.sources AS source
  WITH DISTINCT source ORDER BY source
  RETURN collect(source) AS sources
}
CALL (r) {
  UNWIND coalesce(r.source_docs, []) + [$document] AS doc
  WITH DISTINCT doc ORDER BY doc
  RETURN collect(doc) AS docs
}
SET r.sources = sources, r.source_docs = docs
