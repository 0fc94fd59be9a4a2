// The naive loader: one statement per relationship row.
MATCH (a:Entity {id: $row.start})
MATCH (b:Entity {id: $row.end})
MERGE (a)-[r:$($row.type)]->(b)
SET r += $row.properties, r.sources = $row.sources, r.source_docs = [$document]
