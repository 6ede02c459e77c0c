// Papers related to a paper by the methods, datasets, tasks and metrics they share.
// @param paper: string = "Discriminative Fine-tuning of LVLMs"  -- paper id, key (arXiv id) or title, any case
// @param n: int = 10  -- how many related papers to list
// @example kg query related_papers --param paper="Discriminative Fine-tuning of LVLMs" --param n=10
MATCH (p:Paper)
WHERE p.id = $paper OR p.key = $paper OR p.lookup CONTAINS ("\u001f" + toLower($paper) + "\u001f")
MATCH (p)-[:PROPOSES|USES|INTRODUCES|EVALUATES_ON|ADDRESSES|REPORTS]->(e)
      <-[:PROPOSES|USES|INTRODUCES|EVALUATES_ON|ADDRESSES|REPORTS]-(q:Paper)
WHERE q <> p
WITH p, q, e
ORDER BY e.name ASC
WITH p, q, collect(DISTINCT e.name) AS shared
RETURN p.id AS of, q.id AS paper, q.title AS title, size(shared) AS score, shared
ORDER BY score DESC, of ASC, paper ASC
LIMIT $n
