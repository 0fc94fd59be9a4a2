// The actor network: each actor with the active projects it is responsible for or takes part in,
// as [project id, project name, responsible] (one row per actor, not per pair: fewer records).
// From the actors (few, with relationships grouped by type), not from every project's chain.
MATCH (a:Actor)-[r:RESPONSIBLE_FOR|PARTICIPATES_IN]->(p:Project)
USING SCAN a:Actor
WHERE coalesce(p.status, 'okänd') IN $statuses
WITH a, p, 'RESPONSIBLE_FOR' IN collect(type(r)) AS responsible
RETURN a.id AS actor, a.name AS actor_name, a.type AS actor_type,
       collect([p.id, p.name, responsible]) AS projects
ORDER BY actor
