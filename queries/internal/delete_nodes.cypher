// Purpose: delete the nodes of one label a new build no longer has, with their relationships (kg add --neo4j).
// Parameters: $ids = ["paper:2401.00001", ...]
// Template slot: {{label}} = a schema label from kg.model, checked by loaders.neo4j_writer.splice.
// Example: UNWIND of up to 10000 ids per managed write transaction.
UNWIND $ids AS id
MATCH (n:{{label}} {id: id})
DETACH DELETE n
