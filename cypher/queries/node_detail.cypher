// One node by id: its labels, properties and the places it was read (document, page, quote): the
// first $mention_limit by document title and page, and how many there are in all (mention_count;
// a region or a focus area is mentioned thousands of times).
MATCH (n:Entity {id: $id})
OPTIONAL MATCH (n)-[m:MENTIONED_IN]->(d:Document)
WITH n, m, d
ORDER BY d.title, m.page, m.start
WITH n, count(m) AS mention_count, collect(CASE WHEN d IS NULL THEN NULL ELSE [m, d] END)[..$mention_limit] AS firsts
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'] AS labels, properties(n) AS properties,
       [pair IN firsts | {
         document: pair[1].id, title: coalesce(pair[1].title, pair[1].file_name), file_name: pair[1].file_name,
         page: pair[0].page, quote: pair[0].quote, start: pair[0].start, end: pair[0].end, as_written: pair[0].as_written, reason: pair[0].reason,
         extractor: pair[0].extractor
       }] AS mentions,
       mention_count
