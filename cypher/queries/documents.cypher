// Ingested documents, newest first, with how many nodes of each label each one mentions.
MATCH (d:Document)
OPTIONAL MATCH (x:Entity)-[:MENTIONED_IN]->(d)
WITH d, x, [l IN labels(x) WHERE l <> 'Entity'][0] AS label
WITH d, label, count(DISTINCT x) AS nodes
WITH d, collect(CASE WHEN label IS NULL THEN NULL ELSE {label: label, count: nodes} END) AS counts
RETURN d.id AS id, coalesce(d.title, d.file_name) AS title, d.file_name AS file_name, d.kind AS kind,
       d.county AS county, d.date AS date, d.pages AS pages, d.ingested_at AS ingested_at,
       coalesce(d.warnings, []) AS warnings, counts
ORDER BY ingested_at DESC, title
