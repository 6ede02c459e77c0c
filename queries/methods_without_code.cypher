// Methods proposed in the corpus whose proposing papers link no code repository.
// @param n: int = 25  -- how many methods to list
// @example kg query methods_without_code --param n=25
MATCH (m:Method)<-[:PROPOSES]-(:Paper)
WHERE NOT EXISTS { (m)<-[:PROPOSES]-(:Paper)-[:HAS_CODE]->(:Repository) }
WITH DISTINCT m
MATCH (m)<-[:PROPOSES|USES]-(p:Paper)
RETURN m.id AS method, m.name AS name, count(DISTINCT p) AS papers
ORDER BY papers DESC, method ASC
LIMIT $n
