// Purpose: every count node of internal/count_methods, in a fixed order (the loader tests compare the
// count nodes of a first load with those a recount gives).
// Parameters: none.
// Example: rows of {label: "MethodYear", properties: {method: "method:clip", year: 2024, papers: 3, ...}}
MATCH (c)
WHERE c:MethodYear OR c:MethodDataset OR c:MethodTask
RETURN labels(c)[0] AS label, properties(c) AS properties
ORDER BY label, c.method, c.year, c.dataset, c.task
