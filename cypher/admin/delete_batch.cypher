// Empties the graph a batch at a time (a large graph needs no huge transaction); the schema
// bookkeeping nodes stay, so the schema does not have to be applied again, and so does the write
// generation: it only ever counts up, so a running app's cached results see the reset as a change.
MATCH (n)
WHERE NOT n:Migration AND NOT n:SchemaVersion AND NOT (n:Meta AND n.key = 'writes')
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
