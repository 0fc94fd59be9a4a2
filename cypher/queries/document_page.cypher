// One page of a document as a reader checks it: the stored page text (the text the quotes'
// offsets point into; null for a document read before the texts were kept) and every passage
// quoted from that page, with what was read there.
MATCH (d:Document {id: $id})
OPTIONAL MATCH (n:Entity)-[m:MENTIONED_IN]->(d)
  WHERE m.page = $page
WITH d, n, m
ORDER BY m.start, n.name
RETURN size(coalesce(d.page_texts, [])) AS page_count,
       d.page_texts[$page - 1] AS text,
       [x IN collect(CASE WHEN n IS NULL THEN NULL ELSE {
         node_id: n.id, label: [l IN labels(n) WHERE l <> 'Entity'][0], name: n.name,
         quote: m.quote, start: m.start, end: m.end
       } END) | x] AS mentions
