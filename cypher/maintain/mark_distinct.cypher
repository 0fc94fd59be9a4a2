// Two nodes a person says are different things: never suggested as duplicates again.
MATCH (a:Entity {id: $a})
MATCH (b:Entity {id: $b})
SET a.distinct_from = [x IN coalesce(a.distinct_from, []) WHERE x <> b.id] + [b.id],
    b.distinct_from = [x IN coalesce(b.distinct_from, []) WHERE x <> a.id] + [a.id]
