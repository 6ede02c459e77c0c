// Papers with code: each paper and the repository it links to, one row per pair.
// @param n: int = 25  -- how many rows to list
// @example kg query papers_with_code --param n=25
MATCH (p:Paper)-[:HAS_CODE]->(r:Repository)
RETURN p.id AS paper, p.title AS title, r.name AS repository, r.kind AS kind
ORDER BY paper ASC, repository ASC
LIMIT $n
