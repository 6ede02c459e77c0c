// Purpose: after a load, give entity nodes of one label the `Entity` label and their paper count `papers`.
// Counted on the server, so an entity that papers of an earlier load also name counts the whole
// database, not only the graph just loaded. Ranked queries read `papers` in index order.
// Parameters: $ids = entity ids of one label, e.g. ["method:clip", "method:lora"]
// Template slot: {{label}} = an entity label from kg.model, checked by loaders.neo4j_writer.splice.
// Example: UNWIND of 10,000 ids per managed write transaction, once per entity label.
UNWIND $ids AS id
MATCH (e:{{label}} {id: id})
SET e:Entity, e.papers = COUNT { MATCH (p:Paper)-->(e) RETURN DISTINCT p }
