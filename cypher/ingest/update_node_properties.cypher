// Nodes this document no longer names but others still do: their properties without its view.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n += row.properties, n.doc_props = row.doc_props, n.extracted_keys = row.extracted_keys
