// The document node. Returns whether it was in the graph already (then the loader takes back
// what it wrote before: retract_document) and, as node_sources does, what the graph holds about
// the nodes the document names ($ids), so a new document needs no further read.
// It also marks the derived data stale (the (:Meta {key: 'derived'}) node): the mark commits with
// the document or not at all, so a crash between this write and the refresh leaves it set, and the
// next ingest or `db start` refreshes (graph/analytics/refresh.py). `generation` counts the writes:
// a refresh clears `stale` only when no document was written while it ran.
CALL () {
  MERGE (m:Meta {key: 'derived'})
  SET m.stale = true, m.generation = coalesce(m.generation, 0) + 1
}
OPTIONAL MATCH (old:Document {id: $document})
WITH old IS NOT NULL AS existed
MERGE (d:Document {id: $document})
ON CREATE SET d.ingested_at = $ingested_at
SET d += $properties
WITH existed
CALL () {
  UNWIND $ids AS id
  MATCH (n:Entity {id: id})
  RETURN collect({id: n.id, doc_props: coalesce(n.doc_props, []),
                  extracted_keys: coalesce(n.extracted_keys, []), edited: coalesce(n.edited, [])}) AS nodes
}
RETURN existed, nodes
