// A refresh completed: the derived data matches the graph as of write $generation. A document
// written while the refresh ran raised the generation, and the marker stays stale.
MATCH (m:Meta {key: 'derived'})
WHERE coalesce(m.generation, 0) = $generation
SET m.stale = false, m.refreshed_at = datetime()
