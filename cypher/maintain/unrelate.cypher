MATCH (a:Entity {id: $start})-[r:$($type)]->(b:Entity {id: $end})
WITH r, properties(r) AS before
DELETE r
RETURN before
