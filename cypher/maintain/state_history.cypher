// Every recorded change of a project's process state, oldest first.
MATCH (c:Change {node_id: $id, action: 'state'})
RETURN c.at AS at, c.user AS user, c.before AS before, c.after AS after, c.undone_by AS undone_by
ORDER BY c.at, c.id
