// Purpose: does the database hold no node of this label? (answered from the count store, O(1))
// Template slot: {{label}} = a schema label from kg.model, checked by loaders.neo4j_writer.splice.
// Parameters: none.  Example: MATCH (n:Method) RETURN count(n) = 0 AS empty
MATCH (n:{{label}})
RETURN count(n) = 0 AS empty
