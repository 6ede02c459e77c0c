// Entity search: entities whose name or an alias contains the text (case-insensitive), exact matches first.
// The text index on `lookup` (every name and alias, lower-cased) finds the candidates.
// @param text: string = "clip"  -- text to look for in names and aliases
// @param n: int = 20  -- how many entities to list
// @example kg query search_entities --param text=clip --param n=20
MATCH (e:Entity)
WHERE e.lookup CONTAINS toLower($text)
WITH e, toLower($text) AS needle, [name IN [e.name] + coalesce(e.aliases, []) | toLower(name)] AS names
RETURN e.id AS id, e.name AS name, e.type AS type, needle IN names AS exact, e.papers AS papers
ORDER BY exact DESC, papers DESC, id ASC
LIMIT $n
