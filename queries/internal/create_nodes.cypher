// Purpose: create a batch of nodes of a label the database has none of yet (a first load).
// kg load uses it instead of merge_nodes only when the label was empty before the load began, so
// no id can exist twice; CREATE skips the per-row index seek and lock of MERGE.
// Parameters: $rows = [{id: "method:clip", props: {id: "method:clip", name: "CLIP", aliases: ["CLIP"], type: "method"}}]
// Template slot: {{label}} = a schema label from kg.model, checked by loaders.neo4j_writer.splice.
// Example: UNWIND of 10,000 rows per managed write transaction.
UNWIND $rows AS row
CREATE (n:{{label}})
SET n = row.props
