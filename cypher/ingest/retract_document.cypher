// Takes back what an earlier ingest of this document wrote: its mentions, its share of the
// relationships' sources, and relationships no other document or person vouches for.
// Returns the ids of the nodes it had mentioned, to look for orphans after the new write.
MATCH (d:Document {id: $document})
OPTIONAL MATCH (d)<-[m:MENTIONED_IN]-(x)
WITH d, collect(DISTINCT x) AS nodes, collect(m) AS mentions
CALL (nodes) {
  UNWIND nodes AS x
  MATCH (x)-[r]->()
  WHERE $document IN coalesce(r.source_docs, [])
  SET r.sources = [s IN r.sources WHERE NOT s STARTS WITH $source_prefix],
      r.source_docs = [s IN r.source_docs WHERE s <> $document]
  WITH r
  WHERE size(r.source_docs) = 0 AND r.manual IS NULL
  DELETE r
}
CALL (d) {
  OPTIONAL MATCH (d)<-[p:IN_PLAN]-()
  DELETE p
}
FOREACH (m IN mentions | DELETE m)
RETURN [x IN nodes | x.id] AS ids
