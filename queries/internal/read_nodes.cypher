// Purpose: read every node of the graph back (Neo4jBackend.to_networkx), ordered by id; the count
// nodes of internal/count_methods are derived from it, not part of it.
// Parameters: none.
// Example: rows of {id: "method:clip", labels: ["Method"], properties: {name: "CLIP", ...}}
MATCH (n)
WHERE NOT n:MethodYear AND NOT n:MethodDataset AND NOT n:MethodTask
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
ORDER BY id
