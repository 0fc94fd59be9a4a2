// How many nodes each label a picker can list has (from the count store: no scan). A picker lists
// every node of a small label and searches by name in a large one.
MATCH (n:Project) RETURN 'Project' AS label, count(n) AS nodes
UNION ALL
MATCH (n:Actor) RETURN 'Actor' AS label, count(n) AS nodes
UNION ALL
MATCH (n:FocusArea) RETURN 'FocusArea' AS label, count(n) AS nodes
UNION ALL
MATCH (n:Goal) RETURN 'Goal' AS label, count(n) AS nodes
UNION ALL
MATCH (n:GoalArea) RETURN 'GoalArea' AS label, count(n) AS nodes
UNION ALL
MATCH (n:Indicator) RETURN 'Indicator' AS label, count(n) AS nodes
UNION ALL
MATCH (n:Measure) RETURN 'Measure' AS label, count(n) AS nodes
UNION ALL
MATCH (n:Decision) RETURN 'Decision' AS label, count(n) AS nodes
UNION ALL
MATCH (n:TargetGroup) RETURN 'TargetGroup' AS label, count(n) AS nodes
UNION ALL
MATCH (n:County) RETURN 'County' AS label, count(n) AS nodes
