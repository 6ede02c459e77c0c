// Purpose: read every relationship back (Neo4jBackend.to_networkx), ordered by source, type, target.
// Parameters: none.
// Example: rows of {source: "paper:2401.00001", type: "USES", target: "method:clip", properties: {...}}
MATCH (a)-[r]->(b)
RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS properties
ORDER BY source, type, target
