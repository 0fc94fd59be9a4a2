// Every extracted node carries :Entity (one id index for all) and its ontology label.
// Scalar properties come from the document with the smallest id that names the node, so the
// result does not depend on the order documents arrive in; aliases are the sorted union.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row, (n.props_source IS NULL OR $document <= n.props_source) AS owns
SET n += CASE WHEN owns THEN row.properties ELSE {} END,
    n.props_source = CASE WHEN owns THEN $document ELSE n.props_source END,
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
