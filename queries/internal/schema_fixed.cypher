// Purpose: the label-independent part of the schema (kg load runs it once per load; idempotent).
// Parameters: none. Statements are separated by semicolons at line ends.
// Example: queries.load("internal/schema_fixed") split on ";\n", each run in its own transaction.
CREATE INDEX paper_year IF NOT EXISTS FOR (p:Paper) ON (p.year);
CREATE INDEX paper_published IF NOT EXISTS FOR (p:Paper) ON (p.published);
CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (p:Paper) ON EACH [p.title, p.abstract];
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (e:Method|Dataset|Task|Metric|Repository|Link) ON EACH [e.name, e.aliases];
