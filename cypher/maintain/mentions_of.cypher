// Where a node was read: document, page and quote.
MATCH (n:Entity {id: $id})-[m:MENTIONED_IN]->(d:Document)
RETURN d.title AS document, d.id AS document_id, m.start AS start, m.end AS end, m.page AS page, m.quote AS quote, m.as_written AS as_written,
       m.reason AS reason
ORDER BY document, page
LIMIT $limit
