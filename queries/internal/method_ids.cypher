// Purpose: every method id in the database (`kg neo4j index` recounts their count nodes after a bulk import).
// Parameters: none.
// Example: rows of {id: "method:clip"}
MATCH (m:Method)
RETURN m.id AS id
