// The review queue's extractions: low confidence, not yet reviewed.
MATCH (n:Entity)
WHERE n.confidence < $threshold AND n.reviewed IS NULL
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label,
       coalesce(n.name, n.text, n.summary, n.id) AS name, n.confidence AS confidence,
       coalesce(n.version, 0) AS version,
       [(n)-[m:MENTIONED_IN]->(d:Document) | d.title + ' s. ' + toString(m.page) + ': ' + m.quote][0..3]
         AS quotes
ORDER BY n.confidence, name
LIMIT $limit
