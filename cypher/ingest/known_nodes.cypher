// Names and aliases of the nodes that resolve fuzzily or by alias across documents.
MATCH (n:Entity)
WHERE n:Actor OR n:FocusArea OR n:GoalArea OR n:Indicator OR n:TargetGroup
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name,
       coalesce(n.aliases, []) AS aliases, n.county AS county, n.type AS type
