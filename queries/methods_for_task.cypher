// Methods applied to a task: methods named by the papers that address it.
// @param task: string = "image classification"  -- task name, alias or id
// @example kg query methods_for_task --param task="image classification"
MATCH (t:Task:Entity)
WHERE t.id = $task OR t.lookup CONTAINS ("\u001f" + toLower($task) + "\u001f")
MATCH (t)<-[:ADDRESSES]-(p:Paper)-[:USES|PROPOSES]->(m:Method)
RETURN m.id AS method, m.name AS name, count(DISTINCT p) AS papers
ORDER BY papers DESC, method ASC
