// A relationship made by hand: `manual` keeps it when a document is retracted or re-ingested.
MATCH (a:Entity {id: $start})
MATCH (b:Entity {id: $end})
MERGE (a)-[r:$($type)]->(b)
ON CREATE SET r.created_by = $user, r.created_at = $at
SET r += $properties, r.manual = true
RETURN properties(r) AS after
