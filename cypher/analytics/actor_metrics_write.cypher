// Stored by refresh: an actor's place in the active actor network (null when it has no active project).
UNWIND $rows AS row
MATCH (a:Actor {id: row.id})
SET a.partners = row.partners, a.centrality = row.centrality
