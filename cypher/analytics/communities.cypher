// The stored communities, largest first, each with its first $per_community members (the most
// connected first) as [id, name, county]; ids that no longer exist are left out.
MATCH (c:Community)
WHERE c.size >= $min_size
WITH c
ORDER BY c.number
LIMIT $limit
RETURN c.number AS community, c.size AS size, c.counties AS counties, c.reasons AS reasons,
       COLLECT {
         UNWIND range(0, size(c.members[..$per_community]) - 1) AS i
         MATCH (p:Project {id: c.members[i]})
         RETURN [i, p.id, p.name, p.county]
       } AS projects
ORDER BY community
