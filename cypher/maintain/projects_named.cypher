// Projects with this name (case and surrounding spaces aside), with their properties and the
// relationships the satsning template makes ([type, start id, end id]): to find a twin of a submit.
MATCH (p:Project)
WHERE toLower(trim(p.name)) = toLower(trim($name))
RETURN p.id AS id, properties(p) AS properties,
       COLLECT {
         MATCH (p)-[r]-(o:Entity)
         WHERE type(r) IN $types
         RETURN [type(r), startNode(r).id, endNode(r).id] AS rel
       } AS relationships
