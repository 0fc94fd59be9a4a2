// The relationships of one node for the edit page (provenance links excluded).
MATCH (n:Entity {id: $id})-[r]-(m)
WHERE NOT type(r) IN ['MENTIONED_IN', 'IN_PLAN']
RETURN type(r) AS type, startNode(r) = n AS outgoing, m.id AS other,
       coalesce(m.name, m.text, m.summary, m.title, m.id) AS other_name,
       [l IN labels(m) WHERE l <> 'Entity'][0] AS other_label, r.manual = true AS manual,
       size(coalesce(r.sources, [])) AS sources
ORDER BY type, other_name
