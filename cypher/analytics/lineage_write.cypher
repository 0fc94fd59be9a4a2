// Focus-area lineage: (later)-[:CONTINUES]->(earlier) for the computed pairs, with the reason in
// words' ingredients (shared words, shared goals) and a score; links no longer computed go,
// unless a person confirmed them (confirmed: true stays whatever the computation says).
CALL {
  MATCH (:FocusArea)-[c:CONTINUES]->(:FocusArea)
  WHERE c.confirmed IS NULL OR c.confirmed = false
  WITH c, startNode(c).id + '>' + endNode(c).id AS key
  WHERE NOT key IN [r IN $rows | r.later + '>' + r.earlier]
  DELETE c
}
WITH 1 AS ignored
UNWIND $rows AS row
MATCH (later:FocusArea {id: row.later}), (earlier:FocusArea {id: row.earlier})
MERGE (later)-[c:CONTINUES]->(earlier)
SET c.shared_words = row.shared_words, c.shared_goals = row.shared_goals, c.score = row.score
RETURN count(c) AS written
