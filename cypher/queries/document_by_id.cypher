// One document's properties.
MATCH (d:Document {id: $id})
RETURN d.id AS id, coalesce(d.title, d.file_name) AS title, d.file_name AS file_name, d.kind AS kind,
       d.county AS county, d.date AS date, d.pages AS pages, d.ingested_at AS ingested_at,
       coalesce(d.warnings, []) AS warnings
