// Excel import: which of these ids name a node already (a row without a name may only update one).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id
