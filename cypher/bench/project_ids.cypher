// Every project id, in id order, for sampling the projects a benchmark asks about.
MATCH (p:Project)
RETURN p.id AS id
ORDER BY id
