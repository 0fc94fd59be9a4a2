// Actor load and the actor network: which actor is responsible for or takes part in which project.
MATCH (a:Actor)-[r:RESPONSIBLE_FOR|PARTICIPATES_IN]->(p:Project)
WHERE coalesce(p.status, 'okänd') IN $statuses
RETURN a.id AS actor, a.name AS actor_name, a.type AS actor_type, p.id AS project, p.name AS project_name,
       type(r) = 'RESPONSIBLE_FOR' AS responsible
