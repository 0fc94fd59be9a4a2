// One node by id: its labels, properties and every place it was read (document, page, quote).
MATCH (n:Entity {id: $id})
OPTIONAL MATCH (n)-[m:MENTIONED_IN]->(d:Document)
WITH n, m, d
ORDER BY d.title, m.page, m.start
WITH n, collect(CASE WHEN d IS NULL THEN NULL ELSE {
  document: d.id, title: coalesce(d.title, d.file_name), file_name: d.file_name, page: m.page,
  quote: m.quote, as_written: m.as_written, reason: m.reason, extractor: m.extractor
} END) AS mentions
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'] AS labels, properties(n) AS properties, mentions
