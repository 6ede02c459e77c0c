// Purpose: create a batch of relationships of a type the database has none of yet (a first load).
// kg load uses it instead of merge_relationships only when the type was empty before the load
// began (the mirror holds at most one relationship of a type between two nodes), so CREATE cannot
// duplicate one; it skips MERGE's check of the existing relationships between the two nodes.
// Parameters: $rows = [{source: "paper:2401.00001", target: "method:clip", props: {field: "abstract", start: 10, ...}}]
// Template slots: {{from}}, {{to}} = schema labels, {{type}} = a relationship type from kg.model (all allowlisted).
// Example: MATCH (a:Paper ...) MATCH (b:Method ...) CREATE (a)-[r:USES]->(b)
UNWIND $rows AS row
MATCH (a:{{from}} {id: row.source})
MATCH (b:{{to}} {id: row.target})
CREATE (a)-[r:{{type}}]->(b)
SET r = row.props
