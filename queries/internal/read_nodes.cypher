// Purpose: read every node of the graph back (Neo4jBackend.to_networkx), ordered by id; the count
// nodes of internal/count_methods, derived from the graph and not part of it, have no id.
// Parameters: none.
// Example: rows of {id: "method:clip", labels: ["Method"], properties: {name: "CLIP", ...}}
MATCH (n)
WHERE n.id IS NOT NULL
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
ORDER BY id
