// One (:Community) per group of overlapping projects (graph/analytics/network.py). It has no `id`,
// so exports and detail pages leave it out; `members` are project ids, the most connected first.
UNWIND $rows AS row
CREATE (c:Community)
SET c = row
