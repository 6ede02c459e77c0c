// Methods evaluated on a dataset: methods named by the papers that evaluate on or introduce it.
// @param dataset: string = "ImageNet"  -- dataset name, alias or id
// @example kg query methods_on_dataset --param dataset=ImageNet
MATCH (d:Dataset:Entity)
WHERE d.id = $dataset OR d.lookup CONTAINS ("\u001f" + toLower($dataset) + "\u001f")
MATCH (d)<-[:EVALUATES_ON|INTRODUCES]-(p:Paper)-[:USES|PROPOSES]->(m:Method)
RETURN m.id AS method, m.name AS name, count(DISTINCT p) AS papers
ORDER BY papers DESC, method ASC
