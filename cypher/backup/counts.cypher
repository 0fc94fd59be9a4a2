// Nodes and relationships of the knowledge graph (schema bookkeeping excluded): restore only
// writes into a graph where both are 0, and checks them against the manifest afterwards.
CALL () {
  MATCH (n)
  WHERE NOT n:Migration AND NOT n:SchemaVersion AND NOT n:Meta
  RETURN count(n) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b)
  WHERE NOT a:Migration AND NOT a:SchemaVersion AND NOT a:Meta
    AND NOT b:Migration AND NOT b:SchemaVersion AND NOT b:Meta
  RETURN count(r) AS relationships
}
RETURN nodes, relationships
