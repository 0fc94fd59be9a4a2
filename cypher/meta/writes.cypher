// The current write generation (0 before the first write): see bump_writes.cypher.
OPTIONAL MATCH (m:Meta {key: 'writes'})
RETURN coalesce(m.generation, 0) AS generation
