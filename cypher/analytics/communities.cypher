// The stored communities, largest first, each with its first $per_community members (the most
// connected first) as [id, name, county]; ids that no longer exist are left out.
// The properties are read once, into variables: a refresh that replaces the communities while
// this runs (read committed) would otherwise leave a node found here without its properties.
MATCH (c:Community)
WITH c.number AS number, c.size AS total, c.counties AS counties, c.reasons AS reasons,
     c.members[..$per_community] AS members
WHERE total >= $min_size AND members IS NOT NULL
ORDER BY number
LIMIT $limit
RETURN number AS community, total AS size, counties, reasons,
       COLLECT {
         UNWIND range(0, size(members) - 1) AS i
         MATCH (p:Project {id: members[i]})
         RETURN [i, p.id, p.name, p.county]
       } AS projects
ORDER BY community
