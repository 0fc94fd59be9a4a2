// Whether the derived data is behind the graph (cypher/ingest/merge_document.cypher), and the
// write generation a refresh starts from. No marker: nothing was written since it existed.
OPTIONAL MATCH (m:Meta {key: 'derived'})
RETURN coalesce(m.stale, false) AS stale, coalesce(m.generation, 0) AS generation
