// What the network view draws around the given nodes: for each node and each relationship type
// (provenance excluded) at most $per_type neighbours, the strongest related initiatives first,
// then by name. Only what is drawn (with the neighbour's status, for its style); no relationship
// properties.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE type(r) <> 'MENTIONED_IN'
  WITH type(r) AS type, r, m
  ORDER BY type, coalesce(-r.score, 0.0), toLower(m.name), m.id
  WITH type, collect({r: r, m: m})[..$per_type] AS found
  UNWIND found AS f
  RETURN type, startNode(f.r) = n AS outgoing, f.m AS m
}
RETURN n.id AS node, type, outgoing, m.id AS other_id,
       [l IN labels(m) WHERE l <> 'Entity'][0] AS other_label, m.name AS other_name,
       m.status AS other_status
