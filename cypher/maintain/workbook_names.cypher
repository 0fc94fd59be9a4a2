// Excel import: the posts of the given labels that have one of these names (a cell of names, such
// as a project's focus areas, names the posts it relates to).
UNWIND $names AS name
MATCH (n:Entity)
WHERE n.name = name AND any(l IN labels(n) WHERE l IN $labels)
RETURN name, n.id AS id, n.county AS county
