// Text of every node in the full-text index, for the compound parts in search_terms.
MATCH (n)
WHERE n:Entity OR n:Document
RETURN n.id AS id, n:Document AS document, n.search_terms AS search_terms,
       [t IN [n.name, n.title, n.description, n.goal_text, n.summary, n.definition, n.initiative]
        WHERE t IS NOT NULL | toString(t)] AS texts
