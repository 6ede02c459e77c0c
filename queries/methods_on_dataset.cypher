// Methods evaluated on a dataset: methods named by the papers that evaluate on or introduce it.
// A name that resolves to one dataset reads its MethodDataset count nodes (docs/schema.md, "Only in
// Neo4j") in the order of the (dataset, papers) index and stops after $n rows; a name shared by
// several datasets counts their papers here, so that a paper naming two of them counts once. (The one-entity
// test sits in the count nodes' WHERE: behind an UNWIND the planner no longer reads the index in order.)
// @param dataset: string = "ImageNet"  -- dataset name, alias or id
// @param n: int = 25  -- how many methods to list
// @example kg query methods_on_dataset --param dataset=ImageNet --param n=25
MATCH (d:Dataset:Entity)
WHERE d.id = $dataset OR d.lookup CONTAINS ("\u001f" + toLower($dataset) + "\u001f")
WITH collect(d.id) AS datasets
CALL (datasets) {
  MATCH (c:MethodDataset)
  WHERE size(datasets) = 1 AND c.dataset = datasets[0] AND c.papers IS NOT NULL
  WITH c ORDER BY c.dataset DESC, c.papers DESC, c.method ASC LIMIT $n
  MATCH (x:Method {id: c.method})
  RETURN x, c.papers AS papers
  UNION ALL
  UNWIND CASE WHEN size(datasets) > 1 THEN datasets ELSE [] END AS id
  MATCH (:Dataset {id: id})<-[:EVALUATES_ON|INTRODUCES]-(p:Paper)-[:USES|PROPOSES]->(x:Method)
  RETURN x, count(DISTINCT p) AS papers
}
RETURN x.id AS method, x.name AS name, papers
ORDER BY papers DESC, method ASC
LIMIT $n
