// Full-text search with Lucene's Swedish analyzer (stemming, stop words). search_terms holds the
// parts of Swedish compounds (written at ingest), so a search for a part finds the compound.
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
FOR (n:Project|Actor|FocusArea|GoalArea|Goal|Indicator|Measure|Decision|TargetGroup|Document)
ON EACH [n.name, n.title, n.description, n.goal_text, n.summary, n.definition, n.initiative, n.search_terms]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'swedish'}};
CREATE FULLTEXT INDEX quote_text IF NOT EXISTS
FOR ()-[r:MENTIONED_IN]-() ON EACH [r.quote]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'swedish'}};
