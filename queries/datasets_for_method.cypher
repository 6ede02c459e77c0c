// Datasets a method is evaluated on: datasets named by the papers that use or propose the method.
// A name that resolves to one method reads its MethodDataset count nodes (docs/schema.md, "Only in
// Neo4j") in the order of the (method, papers) index and stops after $n rows; a name shared by
// several methods counts their papers here, so that a paper naming two of them counts once. (The one-entity
// test sits in the count nodes' WHERE: behind an UNWIND the planner no longer reads the index in order.)
// @param method: string = "CLIP"  -- method name, alias or id
// @param n: int = 25  -- how many datasets to list
// @example kg query datasets_for_method --param method=CLIP --param n=25
MATCH (m:Method:Entity)
WHERE m.id = $method OR m.lookup CONTAINS ("\u001f" + toLower($method) + "\u001f")
WITH collect(m.id) AS methods
CALL (methods) {
  MATCH (c:MethodDataset)
  WHERE size(methods) = 1 AND c.method = methods[0] AND c.papers IS NOT NULL
  WITH c ORDER BY c.method DESC, c.papers DESC, c.dataset ASC LIMIT $n
  MATCH (x:Dataset {id: c.dataset})
  RETURN x, c.papers AS papers
  UNION ALL
  UNWIND CASE WHEN size(methods) > 1 THEN methods ELSE [] END AS id
  MATCH (:Method {id: id})<-[:USES|PROPOSES]-(p:Paper)-[:EVALUATES_ON|INTRODUCES]->(x:Dataset)
  RETURN x, count(DISTINCT p) AS papers
}
RETURN x.id AS dataset, x.name AS name, papers
ORDER BY papers DESC, dataset ASC
LIMIT $n
