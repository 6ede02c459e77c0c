// Purpose: count nodes per label (used by `kg info --neo4j`).
// Parameters: none.
// Example: CALL { ... } -> rows of {label: "Paper", n: 443}
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS n
ORDER BY label
