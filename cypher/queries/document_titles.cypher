// Id and title of every document (source links on the detail pages): no counting.
MATCH (d:Document)
RETURN d.id AS id, coalesce(d.title, d.file_name, left(d.id, 12)) AS title
