// Methods applied to a task: methods named by the papers that address it.
// A name that resolves to one task reads its MethodTask count nodes (docs/schema.md, "Only in
// Neo4j") in the order of the (task, papers) index and stops after $n rows; a name shared by
// several tasks counts their papers here, so that a paper naming two of them counts once.
// @param task: string = "image classification"  -- task name, alias or id
// @param n: int = 25  -- how many methods to list
// @example kg query methods_for_task --param task="image classification" --param n=25
MATCH (t:Task:Entity)
WHERE t.id = $task OR t.lookup CONTAINS ("\u001f" + toLower($task) + "\u001f")
WITH collect(t) AS tasks
CALL (tasks) {
  UNWIND CASE size(tasks) WHEN 1 THEN tasks ELSE [] END AS t
  MATCH (c:MethodTask)
  WHERE c.task = t.id AND c.papers IS NOT NULL
  WITH c ORDER BY c.task DESC, c.papers DESC, c.method ASC LIMIT $n
  MATCH (m:Method {id: c.method})
  RETURN m, c.papers AS papers
  UNION ALL
  UNWIND CASE WHEN size(tasks) > 1 THEN tasks ELSE [] END AS t
  MATCH (t)<-[:ADDRESSES]-(p:Paper)-[:USES|PROPOSES]->(m:Method)
  RETURN m, count(DISTINCT p) AS papers
}
RETURN m.id AS method, m.name AS name, papers
ORDER BY papers DESC, method ASC
LIMIT $n
