// Nodes and relationships, the refresh bookkeeping (Meta: the refresh lock and the "derived data
// is stale" marker, graph/analytics/refresh.py) left out: writing and deleting documents again
// leaves these counts as they were.
CALL () { MATCH (n) WHERE NOT n:Meta RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
