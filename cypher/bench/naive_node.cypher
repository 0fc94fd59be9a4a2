// The naive loader the benchmark compares with: one statement (and one transaction) per node row.
MERGE (n:Entity {id: $row.id})
SET n += $row.properties,
    n.props_source = $document,
    n.confidence = $row.confidence,
    n.aliases = $row.aliases
SET n:$($row.label)
