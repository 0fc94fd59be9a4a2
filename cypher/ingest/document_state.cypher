OPTIONAL MATCH (d:Document {id: $document})
RETURN d IS NOT NULL AS exists, d.extractor_version AS extractor_version
