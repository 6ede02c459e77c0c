// Papers with code: each paper and the repository it links to, one row per pair.
// Walks papers in the order of the id index and stops after $n rows (at 1M papers, expanding every
// HAS_CODE first and sorting took 243 ms; BENCHMARKS.md).
// @param n: int = 25  -- how many rows to list
// @example kg query papers_with_code --param n=25
MATCH (p:Paper)
WHERE p.id IS NOT NULL
WITH p ORDER BY p.id ASC
MATCH (p)-[:HAS_CODE]->(r:Repository)
RETURN p.id AS paper, p.title AS title, r.name AS repository, r.host AS host
ORDER BY paper ASC, repository ASC
LIMIT $n
