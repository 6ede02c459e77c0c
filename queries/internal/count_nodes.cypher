// Purpose: count nodes per schema label (used by `kg info --neo4j`); the `Entity` label that every
// entity node also carries (an index label, see index_entities) is not counted twice, and the
// count nodes of internal/count_methods, which are not part of the graph, not at all: every graph
// node has an id, no count node has one.
// Parameters: none.
// Example: rows of {label: "Paper", n: 443}
MATCH (n)
WHERE n.id IS NOT NULL
UNWIND [label IN labels(n) WHERE label <> "Entity"] AS label
RETURN label, count(*) AS n
ORDER BY label
