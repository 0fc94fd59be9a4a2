// Optimistic locking: writes only when the node still has the version the editor started from.
// $changes maps property keys (validated against the label's allow-list) to new values; null removes.
// $edited names the keys to protect from re-ingest (added to n.edited).
MATCH (n:Entity {id: $id})
WHERE coalesce(n.version, 0) = $expected_version
WITH n, properties(n) AS before
FOREACH (key IN keys($changes) | SET n[key] = $changes[key])
WITH n, before
CALL (n) {
  UNWIND coalesce(n.edited, []) + $edited AS key
  WITH DISTINCT key ORDER BY key
  RETURN collect(key) AS edited
}
SET n.edited = CASE WHEN size(edited) = 0 THEN null ELSE edited END,
    n.version = coalesce(n.version, 0) + 1,
    n.updated_at = $at, n.updated_by = $user
RETURN before, properties(n) AS after
