// One (:Community) per group of overlapping projects (graph/analytics/network.py); `members` are
// project ids, the most connected first. Its id ('community:<number>') lets backups and exports
// carry it like any other node; it has no :Entity label, so search and pickers never show it.
// MERGE on the id (unique, cypher/schema/008_derived_keys.cypher): writing the same rows twice
// leaves one node each.
UNWIND $rows AS row
MERGE (c:Community {id: 'community:' + toString(row.number)})
SET c = row, c.id = 'community:' + toString(row.number)
