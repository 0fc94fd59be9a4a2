// Gap: indicators with no measure (the projektrapport's "Ej klart"), with their målområden.
MATCH (i:Indicator)
WHERE NOT (i)-[:MEASURED_BY]->(:Measure)
RETURN i.id AS id, i.name AS name, i.measure_status AS measure_status, i.county AS county,
       COLLECT { MATCH (i)-[:IN_GOAL_AREA]->(g:GoalArea) RETURN g.name ORDER BY g.name } AS goal_areas
ORDER BY name
