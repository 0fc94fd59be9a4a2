// Derived data written by refresh (graph/analytics/refresh.py) is keyed, so two refreshes at once
// cannot double it: one (:Community) per id, and (:Meta {key}) bookkeeping nodes (the refresh lock,
// the "derived data is stale" marker). Communities stored before the key existed are dropped first
// (duplicates would stop the constraint), and the derived data is marked stale, so the next ingest
// or `projektdb db start` (which runs right after this migration) writes them again.
CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (n:Meta) REQUIRE n.key IS UNIQUE;
MATCH (c:Community) DETACH DELETE c;
CREATE CONSTRAINT community_id IF NOT EXISTS FOR (n:Community) REQUIRE n.id IS UNIQUE;
MERGE (m:Meta {key: 'derived'}) SET m.stale = true, m.generation = coalesce(m.generation, 0) + 1;
