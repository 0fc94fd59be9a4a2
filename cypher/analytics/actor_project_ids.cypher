// The active actor–project network for refresh: every actor with the ids of the projects it is
// responsible for or takes part in (an actor with none gets an empty list, so its stored
// centrality is cleared).
MATCH (a:Actor)
RETURN a.id AS actor,
       COLLECT {
         MATCH (a)-[:RESPONSIBLE_FOR|PARTICIPATES_IN]->(p:Project)
         WHERE coalesce(p.status, 'okänd') IN $statuses
         RETURN DISTINCT p.id
       } AS projects
ORDER BY actor
