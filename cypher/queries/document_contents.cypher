// What came from one document: each node it mentions, with the first page and quote.
MATCH (x:Entity)-[m:MENTIONED_IN]->(d:Document {id: $id})
WITH x, m
ORDER BY m.page, m.start
WITH x, collect(m)[0] AS first, count(m) AS mentions
RETURN x.id AS id, [l IN labels(x) WHERE l <> 'Entity'][0] AS label, x.name AS name,
       first.page AS page, first.quote AS quote, mentions
ORDER BY label, toLower(name)
