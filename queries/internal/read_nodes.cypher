// Purpose: read every node back (Neo4jBackend.to_networkx), ordered by id.
// Parameters: none.
// Example: rows of {id: "method:clip", labels: ["Method"], properties: {name: "CLIP", ...}}
MATCH (n)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
ORDER BY id
