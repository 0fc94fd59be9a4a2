// One (:Community) per group of overlapping projects (graph/analytics/network.py); `members` are
// project ids, the most connected first. Its id ('community:<number>') lets backups and exports
// carry it like any other node; it has no :Entity label, so search and pickers never show it.
UNWIND $rows AS row
CREATE (c:Community)
SET c = row, c.id = 'community:' + toString(row.number)
