MERGE (d:Document {id: $document})
ON CREATE SET d.ingested_at = $ingested_at
SET d += $properties
