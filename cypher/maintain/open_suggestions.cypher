MATCH (s:Suggestion)
WHERE s.status = 'ny'
RETURN properties(s) AS suggestion
ORDER BY s.submitted_at, s.id
