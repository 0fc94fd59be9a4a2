// The refresh lock: refresh runs this first in a transaction it keeps open until it is done. The
// write lock on the (:Meta {key: 'refresh'}) node (unique key) makes a second refresh, in this or
// another process, wait here until the first one commits.
MERGE (m:Meta {key: 'refresh'})
SET m.started_at = datetime()
