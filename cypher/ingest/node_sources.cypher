// What each document said about these nodes, and which keys people have edited by hand.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, coalesce(n.doc_props, []) AS doc_props,
       coalesce(n.extracted_keys, []) AS extracted_keys, coalesce(n.edited, []) AS edited
