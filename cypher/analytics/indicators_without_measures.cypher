// Indicator gap: an indicator with no measure (mått).
MATCH (i:Indicator)
WHERE NOT EXISTS { (i)-[:MEASURED_BY]->(:Measure) }
RETURN i.id AS id, i.name AS name, i.county AS county, i.definition AS definition,
       COLLECT { MATCH (i)-[:IN_GOAL_AREA]->(a:GoalArea) RETURN DISTINCT a.name } AS goal_areas
ORDER BY name
