// Papers related to a paper by the methods, datasets, tasks and metrics they share.
// Entities named by more than $max_papers papers (their `papers` count, kept by kg load) are left out:
// "language models" or "accuracy" say little about how two papers relate, and at 1M papers expanding
// them reached ~40k papers for one call (1.2 s, BENCHMARKS.md round 4); with the cap a call visits at
// most (the paper's entities) x $max_papers papers, whatever the corpus size.
// @param paper: string = "Discriminative Fine-tuning of LVLMs"  -- paper id, key (arXiv id) or title, any case
// @param n: int = 10  -- how many related papers to list
// @param max_papers: int = 1000  -- skip shared entities named by more papers than this
// @example kg query related_papers --param paper="Discriminative Fine-tuning of LVLMs" --param n=10 --param max_papers=1000
MATCH (p:Paper)
WHERE p.id = $paper OR p.key = $paper OR p.lookup CONTAINS ("\u001f" + toLower($paper) + "\u001f")
MATCH (p)-[:PROPOSES|USES|INTRODUCES|EVALUATES_ON|ADDRESSES|REPORTS]->(e:Entity)
WHERE e.papers <= $max_papers
MATCH (e)<-[:PROPOSES|USES|INTRODUCES|EVALUATES_ON|ADDRESSES|REPORTS]-(q:Paper)
WHERE q <> p
WITH p, q, e
ORDER BY e.name ASC
WITH p, q, collect(DISTINCT e.name) AS shared
RETURN p.id AS of, q.id AS paper, q.title AS title, size(shared) AS score, shared
ORDER BY score DESC, of ASC, paper ASC
LIMIT $n
