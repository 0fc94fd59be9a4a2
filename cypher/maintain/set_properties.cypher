// Sets properties without the edit bookkeeping (merges, splits and undo record their own change).
MATCH (n:Entity {id: $id})
FOREACH (key IN keys($changes) | SET n[key] = $changes[key])
SET n.version = coalesce(n.version, 0) + 1
RETURN properties(n) AS after
