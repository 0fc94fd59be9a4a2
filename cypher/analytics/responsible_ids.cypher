// The responsible actors of every project (ids), for refresh's coordination check.
MATCH (a:Actor)-[:RESPONSIBLE_FOR]->(p:Project)
RETURN p.id AS project, collect(DISTINCT a.id) AS actors
