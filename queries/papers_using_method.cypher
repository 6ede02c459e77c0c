// Papers that use (or propose) a method, given its name, an alias or its id in any case.
// @param method: string = "CLIP"  -- method name, alias or id
// @example kg query papers_using_method --param method=CLIP
MATCH (m:Method:Entity)
WHERE m.id = $method OR m.lookup CONTAINS ("\u001f" + toLower($method) + "\u001f")
MATCH (p:Paper)-[r:USES|PROPOSES]->(m)
RETURN p.id AS paper, p.title AS title, p.year AS year, type(r) AS relation, m.id AS method
ORDER BY paper ASC, method ASC
