// Method x dataset co-occurrence: pairs named together by the most papers.
// Counted per paper: each paper's distinct datasets and methods are collected first, so the
// aggregation keeps one counter per (method, dataset) pair, not a set of papers keyed by four
// strings (80 instead of 208 MiB of transaction memory at 100k papers; BENCHMARKS.md).
// @param n: int = 10  -- how many pairs to list
// @example kg query method_dataset_pairs --param n=10
MATCH (p:Paper)-[:EVALUATES_ON|INTRODUCES]->(d:Dataset)
WITH p, collect(DISTINCT d) AS datasets
MATCH (p)-[:USES|PROPOSES]->(m:Method)
WITH p, datasets, collect(DISTINCT m) AS methods
UNWIND methods AS m
UNWIND datasets AS d
WITH m, d, count(*) AS papers
ORDER BY papers DESC, m.id ASC, d.id ASC
LIMIT $n
RETURN m.id AS method, d.id AS dataset, m.name AS method_name, d.name AS dataset_name, papers
