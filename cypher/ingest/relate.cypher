// Extracted relationships of every type, in one statement. Each type has its own branch with a
// static type: a dynamic type in MERGE (`[r:$(row.type)]`) is planned as a scan of all
// relationships per row, a static one as index seeks and a degree-aware Expand(Into).
// A row of a type without a branch (IN_PLAN: merge_nodes writes it) is not written.
// sources is the sorted union over the documents that state the relationship; source_docs likewise.
UNWIND $rows AS row
MATCH (a:Entity {id: row.start})
MATCH (b:Entity {id: row.end})
CALL (row, a, b) {
  WITH row, a, b WHERE row.type = 'IN_FOCUS_AREA'
  MERGE (a)-[r:IN_FOCUS_AREA]->(b)
  RETURN r
  UNION ALL
  WITH row, a, b WHERE row.type = 'ADDRESSES'
  MERGE (a)-[r:ADDRESSES]->(b)
  RETURN r
  UNION ALL
  WITH row, a, b WHERE row.type = 'UNDER'
  MERGE (a)-[r:UNDER]->(b)
  RETURN r
  UNION ALL
  WITH row, a, b WHERE row.type = 'RESPONSIBLE_FOR'
  MERGE (a)-[r:RESPONSIBLE_FOR]->(b)
  RETURN r
  UNION ALL
  WITH row, a, b WHERE row.type = 'PARTICIPATES_IN'
  MERGE (a)-[r:PARTICIPATES_IN]->(b)
  RETURN r
  UNION ALL
  WITH row, a, b WHERE row.type = 'TARGETS'
  MERGE (a)-[r:TARGETS]->(b)
  RETURN r
  UNION ALL
  WITH row, a, b WHERE row.type = 'LOCATED_IN'
  MERGE (a)-[r:LOCATED_IN]->(b)
  RETURN r
  UNION ALL
  WITH row, a, b WHERE row.type = 'FOLLOWED_BY'
  MERGE (a)-[r:FOLLOWED_BY]->(b)
  RETURN r
  UNION ALL
  WITH row, a, b WHERE row.type = 'IN_GOAL_AREA'
  MERGE (a)-[r:IN_GOAL_AREA]->(b)
  RETURN r
  UNION ALL
  WITH row, a, b WHERE row.type = 'MEASURED_BY'
  MERGE (a)-[r:MEASURED_BY]->(b)
  RETURN r
  UNION ALL
  WITH row, a, b WHERE row.type = 'DECIDED'
  MERGE (a)-[r:DECIDED]->(b)
  RETURN r
  UNION ALL
  WITH row, a, b WHERE row.type = 'CONCERNS'
  MERGE (a)-[r:CONCERNS]->(b)
  RETURN r
  UNION ALL
  WITH row, a, b WHERE row.type = 'MEMBER_OF'
  MERGE (a)-[r:MEMBER_OF]->(b)
  RETURN r
  UNION ALL
  WITH row, a, b WHERE row.type = 'IN_COUNTY'
  MERGE (a)-[r:IN_COUNTY]->(b)
  RETURN r
}
SET r += row.properties
WITH r, row
CALL (r, row) {
  UNWIND coalesce(r.sources, []) + row.sources AS source
  WITH DISTINCT source ORDER BY source
  RETURN collect(source) AS sources
}
CALL (r) {
  UNWIND coalesce(r.source_docs, []) + [$document] AS doc
  WITH DISTINCT doc ORDER BY doc
  RETURN collect(doc) AS docs
}
SET r.sources = sources, r.source_docs = docs
