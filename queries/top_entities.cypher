// Methods, datasets, tasks or metrics ranked by how many papers name them.
// Starts from the entities and counts each one's papers in a subquery, so no grouping table over
// every (paper, entity) row is held (1 instead of 75 MiB of transaction memory at 100k papers).
// @param type: string = "method"  -- entity type: method, dataset, task, metric, repository or link
// @param n: int = 10  -- how many entities to list
// @example kg query top_entities --param type=method --param n=10
MATCH (e)
WHERE e.type = $type
WITH e, COUNT { MATCH (p:Paper)-->(e) RETURN DISTINCT p } AS papers
WHERE papers > 0
RETURN e.id AS id, e.name AS name, papers
ORDER BY papers DESC, id ASC
LIMIT $n
