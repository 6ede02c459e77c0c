// Entity search: entities whose name or an alias contains the text (case-insensitive), exact matches first.
// @param text: string = "clip"  -- text to look for in names and aliases
// @param n: int = 20  -- how many entities to list
// @example kg query search_entities --param text=clip --param n=20
MATCH (e)
WHERE e.type IS NOT NULL
WITH e, toLower($text) AS needle, [name IN [e.name] + coalesce(e.aliases, []) | toLower(name)] AS names
WHERE any(name IN names WHERE name CONTAINS needle)
OPTIONAL MATCH (p:Paper)-->(e)
RETURN e.id AS id, e.name AS name, e.type AS type, needle IN names AS exact, count(DISTINCT p) AS papers
ORDER BY exact DESC, papers DESC, id ASC
LIMIT $n
