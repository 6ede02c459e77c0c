// Methods, datasets, tasks or metrics ranked by how many papers name them.
// Reads the index `entity_papers` (type, papers) in order and stops after $n rows: `papers` is each
// entity's paper count, kept by kg load (internal/index_entities), so nothing is counted per call.
// `kind` picks what sort of node to rank (docs/extraction.md): "names" (the default) ranks proper names
// and established concepts, leaving out generic terms such as "accuracy"; "all", or one kind of
// name, concept, generic, description.
// @param type: string = "method"  -- entity type: method, dataset, task, metric, repository or link
// @param n: int = 10  -- how many entities to list
// @param kind: string = "names"  -- names (name or concept), all, name, concept, generic or description
// @example kg query top_entities --param type=method --param n=10 --param kind=names
MATCH (e:Entity)
WHERE e.type = $type AND e.papers > 0
  AND ($kind = "all" OR e.kind = $kind OR ($kind = "names" AND e.kind IN ["name", "concept"]))
RETURN e.id AS id, e.name AS name, e.kind AS kind, e.papers AS papers
ORDER BY e.type DESC, papers DESC, id ASC
LIMIT $n
