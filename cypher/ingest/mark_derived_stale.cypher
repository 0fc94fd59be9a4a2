// Run first in every document's write transaction: the derived data (RELATED_TO, communities,
// search terms, actor metrics) no longer matches the graph until a refresh completes. It commits
// with the document or not at all, so a crash between the write and the refresh leaves it set.
// `generation` counts the writes: a refresh clears `stale` only when no write came in meanwhile.
MERGE (m:Meta {key: 'derived'})
SET m.stale = true, m.generation = coalesce(m.generation, 0) + 1
