// Purpose: list the indexes and constraints kg load created (schema checks in the test suite).
// Parameters: none.
// Example: rows of {name: "method_id", type: "RANGE", labels: ["Method"], properties: ["id"], constraint: "method_id"}
SHOW INDEXES
YIELD name, type, labelsOrTypes, properties, owningConstraint
RETURN name, type, labelsOrTypes AS labels, properties, owningConstraint AS constraint
ORDER BY name
