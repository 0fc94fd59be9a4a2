// The write generation: every write transaction (graph.db.Graph.run_write) ends with this, so
// the number changes whenever anything committed, in any process. Cached reads
// (service/cache.py) compare it with the generation their result was computed at.
MERGE (m:Meta {key: 'writes'})
SET m.generation = coalesce(m.generation, 0) + 1
RETURN m.generation AS generation
