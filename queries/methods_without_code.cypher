// Methods proposed in the corpus whose proposing papers link no code repository.
// Walks methods in order of their paper count (index `entity_papers`) and stops after $n matches.
// @param n: int = 25  -- how many methods to list
// @example kg query methods_without_code --param n=25
MATCH (m:Entity)
WHERE m.type = "method" AND m.papers > 0
  AND EXISTS { (m)<-[:PROPOSES]-(:Paper) }
  AND NOT EXISTS { (m)<-[:PROPOSES]-(:Paper)-[:HAS_CODE]->(:Repository) }
RETURN m.id AS method, m.name AS name, m.papers AS papers
ORDER BY m.type DESC, papers DESC, method ASC
LIMIT $n
