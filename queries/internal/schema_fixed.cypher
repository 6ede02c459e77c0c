// Purpose: the label-independent part of the schema (kg load runs it once per load; idempotent).
// Parameters: none. Statements are separated by semicolons at line ends.
// The `lookup` text indexes answer the named queries' name/alias/title matches (n.lookup CONTAINS ...);
// `entity_papers` lets ranked queries read entities of one type in order of their paper count.
// The method_year_*, method_dataset_* and method_task_* indexes serve the count nodes of
// internal/count_methods; (x, papers) pairs give one entity's counterparts in order of papers.
// Example: queries.load("internal/schema_fixed") split on ";\n", each run in its own transaction.
CREATE INDEX paper_year IF NOT EXISTS FOR (p:Paper) ON (p.year);
CREATE INDEX paper_published IF NOT EXISTS FOR (p:Paper) ON (p.published);
CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (p:Paper) ON EACH [p.title, p.abstract];
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (e:Method|Dataset|Task|Metric|Repository|Link) ON EACH [e.name, e.aliases];
CREATE RANGE INDEX paper_key IF NOT EXISTS FOR (p:Paper) ON (p.key);
CREATE TEXT INDEX paper_lookup IF NOT EXISTS FOR (p:Paper) ON (p.lookup);
CREATE TEXT INDEX author_lookup IF NOT EXISTS FOR (a:Author) ON (a.lookup);
CREATE RANGE INDEX entity_id IF NOT EXISTS FOR (e:Entity) ON (e.id);
CREATE TEXT INDEX entity_lookup IF NOT EXISTS FOR (e:Entity) ON (e.lookup);
CREATE RANGE INDEX entity_papers IF NOT EXISTS FOR (e:Entity) ON (e.type, e.papers);
CREATE RANGE INDEX method_year_growth IF NOT EXISTS FOR (t:MethodYear) ON (t.year, t.growth);
CREATE RANGE INDEX method_year_method IF NOT EXISTS FOR (t:MethodYear) ON (t.method);
CREATE RANGE INDEX method_dataset_papers IF NOT EXISTS FOR (c:MethodDataset) ON (c.papers);
CREATE RANGE INDEX method_dataset_by_method IF NOT EXISTS FOR (c:MethodDataset) ON (c.method, c.papers);
CREATE RANGE INDEX method_dataset_by_dataset IF NOT EXISTS FOR (c:MethodDataset) ON (c.dataset, c.papers);
CREATE RANGE INDEX method_task_by_method IF NOT EXISTS FOR (c:MethodTask) ON (c.method, c.papers);
CREATE RANGE INDEX method_task_by_task IF NOT EXISTS FOR (c:MethodTask) ON (c.task, c.papers);
