// The history, newest first; optionally of one node or by one user. With the name the post has
// now (null when it is gone, or when the change is not of one post: an import).
MATCH (c:Change)
WHERE ($node_id IS NULL OR c.node_id = $node_id) AND ($user IS NULL OR c.user = $user)
WITH c
ORDER BY c.at DESC, c.id DESC
LIMIT $limit
OPTIONAL MATCH (n:Entity {id: c.node_id})
RETURN properties(c) AS change, n.name AS node_name
ORDER BY c.at DESC, c.id DESC
