// Every extracted node carries :Entity (one id index for all) and its ontology label.
// The loader computes `properties` from every document's own view of the node (doc_props), the
// smallest document id first, so the result does not depend on the order documents arrive in;
// a null in `properties` removes a key no document states any more. Aliases are the sorted union.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n += row.properties,
    n.doc_props = row.doc_props,
    n.extracted_keys = row.extracted_keys,
    n.confidence = CASE WHEN n.confidence IS NULL OR row.confidence < n.confidence
                        THEN row.confidence ELSE n.confidence END
WITH n, row
CALL (n, row) {
  UNWIND coalesce(n.aliases, []) + row.aliases AS alias
  WITH DISTINCT alias
  ORDER BY alias
  RETURN collect(alias) AS aliases
}
SET n.aliases = aliases
SET n:$(row.label)
