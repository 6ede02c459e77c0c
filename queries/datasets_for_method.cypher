// Datasets a method is evaluated on: datasets named by the papers that use or propose the method.
// @param method: string = "CLIP"  -- method name, alias or id
// @example kg query datasets_for_method --param method=CLIP
MATCH (m:Method:Entity)
WHERE m.id = $method OR m.lookup CONTAINS ("\u001f" + toLower($method) + "\u001f")
MATCH (m)<-[:USES|PROPOSES]-(p:Paper)-[:EVALUATES_ON|INTRODUCES]->(d:Dataset)
RETURN d.id AS dataset, d.name AS name, count(DISTINCT p) AS papers
ORDER BY papers DESC, dataset ASC
