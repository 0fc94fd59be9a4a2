// One node for the edit form: its label, properties and version (0 when never edited).
MATCH (n:Entity {id: $id})
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS properties,
       coalesce(n.version, 0) AS version
