// Methods, datasets, tasks or metrics ranked by how many papers name them.
// Reads the index `entity_papers` (type, papers) in order and stops after $n rows: `papers` is each
// entity's paper count, kept by kg load (internal/index_entities), so nothing is counted per call.
// @param type: string = "method"  -- entity type: method, dataset, task, metric, repository or link
// @param n: int = 10  -- how many entities to list
// @example kg query top_entities --param type=method --param n=10
MATCH (e:Entity)
WHERE e.type = $type AND e.papers > 0
RETURN e.id AS id, e.name AS name, e.papers AS papers
ORDER BY e.type DESC, papers DESC, id ASC
LIMIT $n
