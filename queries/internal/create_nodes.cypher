// Purpose: a first load (the database held no node when it began): create a batch of nodes of one label
// without looking for existing ones; entity rows (row.entity) also get the Entity label, and their props
// carry `papers` counted from the graph, which on an empty database is the whole database.
// Parameters: $rows = [{id: "method:clip", entity: true, props: {id: "method:clip", name: "CLIP", papers: 4, ...}}]
// Template slot: {{label}} = a schema label from kg.model, checked by loaders.neo4j_writer.splice.
// Example: UNWIND of 10,000 rows per managed write transaction; the id constraint still refuses a duplicate.
UNWIND $rows AS row
CREATE (n:{{label}})
SET n = row.props
WITH n, row
WHERE row.entity
SET n:Entity
