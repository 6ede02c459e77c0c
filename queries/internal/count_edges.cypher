// Purpose: count relationships per type (used by `kg info --neo4j`).
// Parameters: none.
// Example: rows of {type: "USES", n: 1204}
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS n
ORDER BY type
