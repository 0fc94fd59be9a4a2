// Focus-area lineage input: every focus area with its county, period and the goals under it (by
// name key), sorted by id so the result does not depend on the order of the database.
MATCH (f:FocusArea)
RETURN f.id AS id, f.name AS name, f.county AS county, f.period AS period,
       COLLECT { MATCH (f)<-[:UNDER]-(g:Goal) RETURN toLower(coalesce(g.name, g.text, '')) } AS goals
ORDER BY id
