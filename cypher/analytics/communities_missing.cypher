// True when related pairs strong enough for a community exist but no community is stored (the
// graph was refreshed by an older version): communities must then be computed on the fly.
RETURN NOT EXISTS { MATCH (c:Community) } AND EXISTS {
  MATCH (:Project)-[r:RELATED_TO]->(:Project) WHERE r.score >= $min_score
} AS missing
