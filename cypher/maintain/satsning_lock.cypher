// The template's lock: creating a satsning runs this first, so that two submits of the same form
// (a double click, two tabs) are checked for a twin one after the other, never side by side. The
// write lock on the (:Meta {key: 'satsning'}) node (unique key) makes the second one wait.
MERGE (m:Meta {key: 'satsning'})
SET m.locked_at = $at
