// Whether the derived data is behind the graph (cypher/ingest/mark_derived_stale.cypher), and the
// write generation a refresh starts from. No marker: nothing was written since it existed.
OPTIONAL MATCH (m:Meta {key: 'derived'})
RETURN coalesce(m.stale, false) AS stale, coalesce(m.generation, 0) AS generation
