// Handles a suggestion once: accepted (with the project it became) or rejected.
MATCH (s:Suggestion {id: $id})
WHERE s.status = 'ny'
SET s.status = $status, s.handled_by = $user, s.handled_at = $at, s.project = $project
RETURN properties(s) AS suggestion
