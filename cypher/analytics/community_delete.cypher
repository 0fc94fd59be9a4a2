// Communities are computed by refresh, never extracted: each refresh replaces all of them.
MATCH (c:Community)
DETACH DELETE c
