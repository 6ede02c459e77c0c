// Method x dataset co-occurrence: pairs named together by the most papers.
// @param n: int = 10  -- how many pairs to list
// @example kg query method_dataset_pairs --param n=10
MATCH (m:Method)<-[:USES|PROPOSES]-(p:Paper)-[:EVALUATES_ON|INTRODUCES]->(d:Dataset)
RETURN m.id AS method, d.id AS dataset, m.name AS method_name, d.name AS dataset_name,
       count(DISTINCT p) AS papers
ORDER BY papers DESC, method ASC, dataset ASC
LIMIT $n
