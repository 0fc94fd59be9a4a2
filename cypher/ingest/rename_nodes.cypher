// Entity resolution found that an existing node and a new name are one thing; the node takes the
// smaller of the two ids, so the graph does not depend on which document came first.
UNWIND $renames AS rename
MATCH (n:Entity {id: rename.old})
WHERE NOT EXISTS { MATCH (:Entity {id: rename.new}) }
SET n.id = rename.new
