// Shortest paths (any direction, up to 6 hops) between two entities given by name, alias or id.
// @param source: string = "CLIP"  -- entity name, alias or id
// @param target: string = "LoRA"  -- entity name, alias or id
// @param n: int = 5  -- how many paths to list
// @example kg query shortest_path --param source=CLIP --param target=LoRA --param n=5
MATCH (a)
WHERE a.type IS NOT NULL AND (a.id = $source OR toLower(a.name) = toLower($source)
   OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = toLower($source)))
MATCH (b)
WHERE b.type IS NOT NULL AND a <> b AND (b.id = $target OR toLower(b.name) = toLower($target)
   OR any(alias IN coalesce(b.aliases, []) WHERE toLower(alias) = toLower($target)))
MATCH path = allShortestPaths((a)-[*..6]-(b))
RETURN DISTINCT length(path) AS hops, [node IN nodes(path) | node.id] AS ids,
       [node IN nodes(path) | coalesce(node.name, node.title)] AS names
ORDER BY hops ASC, ids ASC
LIMIT $n
