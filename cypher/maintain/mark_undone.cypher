MATCH (c:Change {id: $id})
SET c.undone_by = $undo_id, c.undone_at = $at
