// Papers that build on a paper: they cite it, or use a method or dataset it proposed.
// Expands from the paper (its citers, the users of what it proposed) instead of testing every paper.
// @param paper: string = "PDiscoNet: Semantically consistent part discovery for fine-grained recognition"  -- paper id, key (arXiv id) or title, any case
// @example kg query papers_building_on --param paper="PDiscoNet: Semantically consistent part discovery for fine-grained recognition"
MATCH (p:Paper)
WHERE p.id = $paper OR p.key = $paper OR p.lookup CONTAINS ("\u001f" + toLower($paper) + "\u001f")
CALL (p) {
  MATCH (q:Paper)-[:CITES]->(p) RETURN q
  UNION
  MATCH (p)-[:PROPOSES|INTRODUCES]->()<-[:USES|EVALUATES_ON]-(q:Paper) RETURN q
}
WITH p, q
WHERE q <> p
OPTIONAL MATCH (p)-[:PROPOSES|INTRODUCES]->(e)<-[:USES|EVALUATES_ON]-(q)
WITH p, q, e
ORDER BY e.name ASC
WITH p, q, collect(e.name) AS uses
RETURN p.id AS of, q.id AS paper, q.title AS title, EXISTS { (q)-[:CITES]->(p) } AS cites, uses
ORDER BY size(uses) DESC, cites DESC, of ASC, paper ASC
