// Purpose: a lookup index on `name` for one named label (Author and every entity label).
// Parameters: none. Template slots: {{label}} = a label from kg.model ("Dataset"), {{name}} = "dataset_name".
// Example: CREATE INDEX dataset_name IF NOT EXISTS FOR (n:Dataset) ON (n.name)
CREATE INDEX {{name}} IF NOT EXISTS FOR (n:{{label}}) ON (n.name)
