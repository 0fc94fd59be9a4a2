// Pairs that are no longer among either project's related initiatives.
UNWIND $rows AS row
MATCH (:Project {id: row.a})-[r:RELATED_TO]->(:Project {id: row.b})
DELETE r
