OPTIONAL MATCH (v:SchemaVersion {id: 'schema'}) RETURN v.version AS version
