// The history, newest first; optionally of one node or by one user.
MATCH (c:Change)
WHERE ($node_id IS NULL OR c.node_id = $node_id) AND ($user IS NULL OR c.user = $user)
RETURN properties(c) AS change
ORDER BY c.at DESC, c.id DESC
LIMIT $limit
