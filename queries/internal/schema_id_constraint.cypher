// Purpose: uniqueness of `id` for one schema label (template: kg load splices {{label}} and {{name}}).
// Parameters: none. Template slots: {{label}} = a label from kg.model ("Method"), {{name}} = "method_id";
// loaders.neo4j_writer.splice checks the label against the schema's fixed allowlist.
// Example: CREATE CONSTRAINT method_id IF NOT EXISTS FOR (n:Method) REQUIRE n.id IS UNIQUE
CREATE CONSTRAINT {{name}} IF NOT EXISTS FOR (n:{{label}}) REQUIRE n.id IS UNIQUE
