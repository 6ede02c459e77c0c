// Purpose: create or update a batch of relationships of one type between two labels (evidence replaced).
// Parameters: $rows = [{source: "paper:2401.00001", target: "method:clip", props: {field: "abstract", start: 10, ...}}]
// Template slots: {{from}}, {{to}} = schema labels, {{type}} = a relationship type from kg.model (all allowlisted).
// Example: MATCH (a:Paper ...) MATCH (b:Method ...) MERGE (a)-[r:USES]->(b)
UNWIND $rows AS row
MATCH (a:{{from}} {id: row.source})
MATCH (b:{{to}} {id: row.target})
MERGE (a)-[r:{{type}}]->(b)
SET r = row.props
