// The naive loader's document node.
MERGE (d:Document {id: $document})
SET d += $properties
