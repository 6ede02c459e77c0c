// Purpose: does the database hold no relationship of this type? (answered from the count store, O(1))
// Template slot: {{type}} = a relationship type from kg.model, checked by loaders.neo4j_writer.splice.
// Parameters: none.  Example: MATCH ()-[r:USES]->() RETURN count(r) = 0 AS empty
MATCH ()-[r:{{type}}]->()
RETURN count(r) = 0 AS empty
