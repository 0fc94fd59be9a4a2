// The naive loader: one statement per mention row.
MATCH (d:Document {id: $document})
MATCH (x:Entity {id: $row.node})
CREATE (x)-[:MENTIONED_IN {
  page: $row.page, quote: $row.quote, start: $row.start, end: $row.end,
  extractor: $row.extractor, as_written: $row.as_written, reason: $row.reason
}]->(d)
