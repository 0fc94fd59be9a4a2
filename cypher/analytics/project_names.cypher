// Names and focus areas of projects, by id.
UNWIND $ids AS id
MATCH (p:Project {id: id})
RETURN p.id AS id, p.name AS name, p.county AS county,
       COLLECT { MATCH (p)-[:IN_FOCUS_AREA]->(f:FocusArea) RETURN DISTINCT f.name } AS focus_areas,
       COLLECT { MATCH (p)-[:TARGETS]->(t:TargetGroup) RETURN DISTINCT t.name } AS target_groups
