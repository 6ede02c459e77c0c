// Purpose: create or update a batch of nodes of one label; properties are replaced by the mirror's.
// Parameters: $rows = [{id: "method:clip", props: {id: "method:clip", name: "CLIP", aliases: ["CLIP"], type: "method"}}]
// Template slot: {{label}} = a schema label from kg.model, checked by loaders.neo4j_writer.splice.
// Example: UNWIND of 1000 rows per managed write transaction.
// A stub (a paper known by ids only) never replaces a paper the database holds whole: a graph
// that only cites a paper, loaded after one that has it, takes nothing from it.
UNWIND $rows AS row
MERGE (n:{{label}} {id: row.id})
WITH n, row
WHERE NOT (coalesce(row.props.stub, false) AND coalesce(n.stub, true) = false)
SET n = row.props
