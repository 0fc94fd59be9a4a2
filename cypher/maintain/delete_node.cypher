MATCH (n:Entity {id: $id})
DETACH DELETE n
RETURN count(*) AS deleted
