// One entry of the history: who did what to which node, with the values before and after (JSON).
CREATE (c:Change {id: $id, at: $at, user: $user, action: $action, node_id: $node_id,
                  label: $label, summary: $summary, before: $before, after: $after})
RETURN c.id AS id
