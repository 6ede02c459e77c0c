// Method x dataset co-occurrence: pairs named together by the most papers.
// Reads the MethodDataset count nodes the loader keeps (docs/schema.md, "Only in Neo4j") in the
// order of their papers index, so it stops after $n rows instead of pairing every paper's methods
// and datasets (1.8 s at 100k papers, BENCHMARKS.md).
// @param n: int = 10  -- how many pairs to list
// @example kg query method_dataset_pairs --param n=10
MATCH (c:MethodDataset)
WHERE c.papers IS NOT NULL
WITH c ORDER BY c.papers DESC, c.method ASC, c.dataset ASC LIMIT $n
MATCH (m:Method {id: c.method}), (d:Dataset {id: c.dataset})
RETURN m.id AS method, d.id AS dataset, m.name AS method_name, d.name AS dataset_name, c.papers AS papers
ORDER BY papers DESC, method ASC, dataset ASC
