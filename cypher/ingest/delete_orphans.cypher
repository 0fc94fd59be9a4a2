// Nodes that no document mentions any more and nobody added by hand.
UNWIND $ids AS id
MATCH (x:Entity {id: id})
WHERE NOT (x)-[:MENTIONED_IN]->() AND coalesce(x.manual, false) = false
DETACH DELETE x
RETURN count(*) AS deleted
