// The counties that have focus areas (the coverage heatmaps' county choice).
MATCH (f:FocusArea)
WHERE f.county IS NOT NULL
RETURN DISTINCT f.county AS county
ORDER BY county
