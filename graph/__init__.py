"""Neo4j access: settings, the local server, named Cypher queries, schema, exports and analytics."""
