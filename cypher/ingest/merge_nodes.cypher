// Every node the document names, with its mentions in it (MENTIONED_IN) and, for a focus area of
// a plan (row.in_plan), IN_PLAN to the document; merge_document has written the document first.
// Every extracted node carries :Entity (one id index for all) and its ontology label.
// The loader computes `properties` from every document's own view of the node (doc_props), the
// smallest document id first, so the result does not depend on the order documents arrive in;
// a null in `properties` removes a key no document states any more. Aliases are the sorted union.
MATCH (d:Document {id: $document})
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n += row.properties,
    n.doc_props = row.doc_props,
    n.extracted_keys = row.extracted_keys,
    n.confidence = CASE WHEN n.confidence IS NULL OR row.confidence < n.confidence
                        THEN row.confidence ELSE n.confidence END
WITH d, n, row
CALL (n, row) {
  UNWIND coalesce(n.aliases, []) + row.aliases AS alias
  WITH DISTINCT alias
  ORDER BY alias
  RETURN collect(alias) AS aliases
}
SET n.aliases = aliases
SET n:$(row.label)
WITH d, n, row
CALL (d, n, row) {
  UNWIND row.mentions AS m
  CREATE (n)-[:MENTIONED_IN {
    page: m.page, quote: m.quote, start: m.start, end: m.end,
    extractor: m.extractor, as_written: m.as_written, reason: m.reason
  }]->(d)
}
CALL (d, n, row) {
  WITH d, n, row WHERE row.in_plan
  MERGE (n)-[:IN_PLAN]->(d)
}
// What resolution of the next document matches against (KnownNodes): the node as it is now.
RETURN n.id AS id, row.label AS label, n.name AS name, coalesce(n.aliases, []) AS aliases,
       n.county AS county, n.type AS type
