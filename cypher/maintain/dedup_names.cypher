// Names per label for duplicate suggestions; distinct_from holds pairs a person said are different.
MATCH (n:Entity)
WHERE coalesce(n.name, n.text) IS NOT NULL
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, coalesce(n.name, n.text) AS name,
       n.county AS county, coalesce(n.distinct_from, []) AS distinct_from
