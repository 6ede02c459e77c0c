// Purpose: a first load (the database held no node when it began): create a batch of relationships of one
// type between two labels without looking for existing ones (the mirror has one per source, type, target).
// Parameters: $rows = [{source: "paper:2401.00001", target: "method:clip", props: {field: "abstract", start: 10, ...}}]
// Template slots: {{from}}, {{to}} = schema labels, {{type}} = a relationship type from kg.model (all allowlisted).
// Example: MATCH (a:Paper ...) MATCH (b:Method ...) CREATE (a)-[r:USES]->(b)
UNWIND $rows AS row
MATCH (a:{{from}} {id: row.source})
MATCH (b:{{to}} {id: row.target})
CREATE (a)-[r:{{type}}]->(b)
SET r = row.props
