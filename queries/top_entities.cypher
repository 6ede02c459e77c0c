// Methods, datasets, tasks or metrics ranked by how many papers name them.
// @param type: string = "method"  -- entity type: method, dataset, task, metric, repository or link
// @param n: int = 10  -- how many entities to list
// @example kg query top_entities --param type=method --param n=10
MATCH (p:Paper)-->(e)
WHERE e.type = $type
RETURN e.id AS id, e.name AS name, count(DISTINCT p) AS papers
ORDER BY papers DESC, id ASC
LIMIT $n
