// Everything needed to restore a node: labels, properties and every relationship with its properties.
MATCH (n:Entity {id: $id})
RETURN labels(n) AS labels, properties(n) AS properties,
       COLLECT { MATCH (n)-[r]->(m) RETURN {dir: 'out', type: type(r), other: m.id, properties: properties(r)} }
       + COLLECT { MATCH (n)<-[r]-(m) WHERE m <> n
                   RETURN {dir: 'in', type: type(r), other: m.id, properties: properties(r)} } AS relationships
