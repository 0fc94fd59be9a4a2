// Communities are computed by refresh, never extracted: each refresh replaces all of them. Runs in
// the same transaction as community_write, so no reader sees the graph without communities.
MATCH (c:Community)
DETACH DELETE c
