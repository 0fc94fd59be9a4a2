// Maintenance: the change history, the brevlåda's suggestions.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE;
CREATE INDEX change_node IF NOT EXISTS FOR (n:Change) ON (n.node_id);
CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at);
CREATE CONSTRAINT suggestion_id IF NOT EXISTS FOR (n:Suggestion) REQUIRE n.id IS UNIQUE;
CREATE INDEX suggestion_status IF NOT EXISTS FOR (n:Suggestion) ON (n.status);
CREATE INDEX entity_confidence IF NOT EXISTS FOR (n:Entity) ON (n.confidence);
