MERGE (m:Migration {name: $name})
ON CREATE SET m.applied_at = datetime()
WITH m
MERGE (v:SchemaVersion {id: 'schema'})
SET v.version = $version
