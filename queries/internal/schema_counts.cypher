// Purpose: the indexes of the count nodes of internal/count_methods (idempotent; every load creates the
// missing ones before writing, since recounting a method seeks its old count nodes through them).
// (x, papers) pairs give one entity's counterparts in order of papers.
// Parameters: none. Statements are separated by semicolons at line ends.
// Example: queries.load("internal/schema_counts") split on ";\n", each run in its own transaction.
CREATE RANGE INDEX method_year_growth IF NOT EXISTS FOR (t:MethodYear) ON (t.year, t.growth);
CREATE RANGE INDEX method_year_method IF NOT EXISTS FOR (t:MethodYear) ON (t.method);
CREATE RANGE INDEX method_dataset_papers IF NOT EXISTS FOR (c:MethodDataset) ON (c.papers);
CREATE RANGE INDEX method_dataset_by_method IF NOT EXISTS FOR (c:MethodDataset) ON (c.method, c.papers);
CREATE RANGE INDEX method_dataset_by_dataset IF NOT EXISTS FOR (c:MethodDataset) ON (c.dataset, c.papers);
CREATE RANGE INDEX method_task_by_method IF NOT EXISTS FOR (c:MethodTask) ON (c.method, c.papers);
CREATE RANGE INDEX method_task_by_task IF NOT EXISTS FOR (c:MethodTask) ON (c.task, c.papers);
