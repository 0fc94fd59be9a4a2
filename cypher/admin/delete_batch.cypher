// Empties the graph a batch at a time (a large graph needs no huge transaction); the schema
// bookkeeping nodes stay, so the schema does not have to be applied again.
MATCH (n)
WHERE NOT n:Migration AND NOT n:SchemaVersion
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
