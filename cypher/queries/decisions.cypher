// Decisions with who decided, what they concern and where they were read.
MATCH (d:Decision)
OPTIONAL MATCH (a:Actor)-[:DECIDED]->(d)
WITH d, collect(DISTINCT {id: a.id, name: a.name}) AS deciders
OPTIONAL MATCH (d)-[:CONCERNS]->(x:Entity)
WITH d, deciders, collect(DISTINCT {id: x.id, name: x.name, label: [l IN labels(x) WHERE l <> 'Entity'][0]}) AS concerns
OPTIONAL MATCH (d)-[m:MENTIONED_IN]->(doc:Document)
WITH d, deciders, concerns, m, doc
ORDER BY m.page, m.start
WITH d, deciders, concerns,
     collect(CASE WHEN doc IS NULL THEN NULL ELSE {
       document: doc.id, title: coalesce(doc.title, doc.file_name), page: m.page, quote: m.quote
     } END) AS sources
RETURN d.id AS id, d.name AS name, d.date AS date, d.body AS body, d.diarienummer AS diarienummer,
       d.paragraph AS paragraph, d.summary AS summary, d.county AS county,
       [x IN deciders WHERE x.id IS NOT NULL] AS deciders,
       [x IN concerns WHERE x.id IS NOT NULL] AS concerns, sources
ORDER BY date DESC, name
