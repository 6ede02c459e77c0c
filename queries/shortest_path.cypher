// Shortest paths (any direction, up to 6 hops) between two entities given by name, alias or id.
// @param source: string = "CLIP"  -- entity name, alias or id
// @param target: string = "LoRA"  -- entity name, alias or id
// @param n: int = 5  -- how many paths to list
// @example kg query shortest_path --param source=CLIP --param target=LoRA --param n=5
MATCH (a:Entity)
WHERE a.id = $source OR a.lookup CONTAINS ("\u001f" + toLower($source) + "\u001f")
MATCH (b:Entity)
WHERE a <> b AND (b.id = $target OR b.lookup CONTAINS ("\u001f" + toLower($target) + "\u001f"))
MATCH path = allShortestPaths((a)-[*..6]-(b))
RETURN DISTINCT length(path) AS hops, [node IN nodes(path) | node.id] AS ids,
       [node IN nodes(path) | coalesce(node.name, node.title)] AS names
ORDER BY hops ASC, ids ASC
LIMIT $n
