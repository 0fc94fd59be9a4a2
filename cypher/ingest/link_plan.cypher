MATCH (d:Document {id: $document})
UNWIND $ids AS id
MATCH (f:FocusArea {id: id})
MERGE (f)-[:IN_PLAN]->(d)
