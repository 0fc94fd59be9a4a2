// A node made by hand: manual, so it is never deleted as an orphan by an ingest.
CREATE (n:Entity {id: $id})
SET n:$($label), n += $properties
RETURN properties(n) AS after
