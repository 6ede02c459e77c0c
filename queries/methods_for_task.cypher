// Methods applied to a task: methods named by the papers that address it.
// A name that resolves to one task reads its MethodTask count nodes (docs/schema.md, "Only in
// Neo4j") in the order of the (task, papers) index and stops after $n rows; a name shared by
// several tasks counts their papers here, so that a paper naming two of them counts once. (The one-entity
// test sits in the count nodes' WHERE: behind an UNWIND the planner no longer reads the index in order.)
// @param task: string = "image classification"  -- task name, alias or id
// @param n: int = 25  -- how many methods to list
// @example kg query methods_for_task --param task="image classification" --param n=25
MATCH (t:Task:Entity)
WHERE t.id = $task OR t.lookup CONTAINS ("\u001f" + toLower($task) + "\u001f")
WITH collect(t.id) AS tasks
CALL (tasks) {
  MATCH (c:MethodTask)
  WHERE size(tasks) = 1 AND c.task = tasks[0] AND c.papers IS NOT NULL
  WITH c ORDER BY c.task DESC, c.papers DESC, c.method ASC LIMIT $n
  MATCH (x:Method {id: c.method})
  RETURN x, c.papers AS papers
  UNION ALL
  UNWIND CASE WHEN size(tasks) > 1 THEN tasks ELSE [] END AS id
  MATCH (:Task {id: id})<-[:ADDRESSES]-(p:Paper)-[:USES|PROPOSES]->(x:Method)
  RETURN x, count(DISTINCT p) AS papers
}
RETURN x.id AS method, x.name AS name, papers
ORDER BY papers DESC, method ASC
LIMIT $n
