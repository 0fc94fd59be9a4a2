// Excel import: the posts of the editable sheets as they are now, with their related posts of the
// types shown as columns (id and name of the other end, and the direction).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN
  n.id AS id,
  [l IN labels(n) WHERE l <> 'Entity'] AS labels,
  properties(n) AS properties,
  [(n)-[r]->(m:Entity) WHERE type(r) IN $out_types | {type: type(r), dir: 'out', id: m.id, name: m.name}]
  + [(n)<-[r]-(m:Entity) WHERE type(r) IN $in_types | {type: type(r), dir: 'in', id: m.id, name: m.name}]
  AS links
