// RELATED_TO is computed, never extracted: a refresh removes all of it, one batch at a time.
MATCH (:Project)-[r:RELATED_TO]->(:Project)
WITH r LIMIT $batch
DELETE r
RETURN count(*) AS deleted
