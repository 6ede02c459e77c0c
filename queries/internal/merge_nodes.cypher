// Purpose: create or update a batch of nodes of one label; properties are replaced by the mirror's.
// Parameters: $rows = [{id: "method:clip", props: {id: "method:clip", name: "CLIP", aliases: ["CLIP"], type: "method"}}]
// Template slot: {{label}} = a schema label from kg.model, checked by loaders.neo4j_writer.splice.
// Example: UNWIND of 1000 rows per managed write transaction.
UNWIND $rows AS row
MERGE (n:{{label}} {id: row.id})
SET n = row.props
