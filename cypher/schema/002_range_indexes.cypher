// Range indexes for the facets and filters the app uses.
CREATE INDEX project_status IF NOT EXISTS FOR (n:Project) ON (n.status);
CREATE INDEX project_start IF NOT EXISTS FOR (n:Project) ON (n.start);
CREATE INDEX project_end IF NOT EXISTS FOR (n:Project) ON (n.end);
CREATE INDEX project_county IF NOT EXISTS FOR (n:Project) ON (n.county);
CREATE INDEX actor_type IF NOT EXISTS FOR (n:Actor) ON (n.type);
CREATE INDEX decision_date IF NOT EXISTS FOR (n:Decision) ON (n.date);
CREATE INDEX document_kind IF NOT EXISTS FOR (n:Document) ON (n.kind);
CREATE INDEX county_name IF NOT EXISTS FOR (n:County) ON (n.name);
