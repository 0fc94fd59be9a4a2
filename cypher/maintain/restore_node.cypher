// Re-creates a deleted node exactly (labels and properties), for undo and split.
CREATE (n:Entity {id: $id})
SET n = $properties
SET n:$($labels)
RETURN n.id AS id
