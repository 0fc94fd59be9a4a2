// The brevlåda: an idea or a need from anyone signed in, waiting in the review queue.
CREATE (s:Suggestion {id: $id, kind: $kind, title: $title, text: $text, submitted_by: $user,
                      submitted_at: $at, status: 'ny'})
RETURN s.id AS id
