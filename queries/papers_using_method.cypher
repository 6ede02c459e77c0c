// Papers that use (or propose) a method, given its name, an alias or its id in any case, a page at a time.
// A page is the first $n papers by id after $after (the last paper of the previous page; "" starts), each
// with its rows (one per relationship to the method), so the next page starts at --param after=<last paper>.
// Two plans, chosen per call from the methods' paper counts (`papers`, kept by kg load) and the count
// store's number of papers: a method named by P papers of N expands its P papers and sorts them when
// P * P <= $n * N; a busier one walks the `Paper.id` index from $after and stops after $n matches, about
// $n * N / P papers (the busiest method at 1M papers, 48,687 of them: ~500 papers instead of 48,687).
// @param method: string = "CLIP"  -- method name, alias or id
// @param n: int = 25  -- how many papers per page
// @param after: string = ""  -- paper id the page starts after: the last paper of the previous page ("" for the first)
// @example kg query papers_using_method --param method=CLIP --param n=25 --param after=""
MATCH (m:Method:Entity)
WHERE m.id = $method OR m.lookup CONTAINS ("\u001f" + toLower($method) + "\u001f")
WITH collect(m) AS methods, sum(m.papers) AS busy
CALL () {
  MATCH (x:Paper)
  RETURN count(x) AS corpus
}
CALL (methods, busy, corpus) {
  UNWIND CASE WHEN busy * busy <= $n * corpus THEN methods ELSE [] END AS m
  MATCH (p:Paper)-[:USES|PROPOSES]->(m)
  WHERE p.id > $after
  RETURN DISTINCT p
  ORDER BY p.id ASC
  LIMIT $n
  UNION ALL
  MATCH (p:Paper)
  WHERE busy * busy > $n * corpus AND p.id > $after
    AND EXISTS { (p)-[:USES|PROPOSES]->(m) WHERE m IN methods }
  RETURN p
  ORDER BY p.id ASC
  LIMIT $n
}
MATCH (p)-[r:USES|PROPOSES]->(m)
WHERE m IN methods
RETURN p.id AS paper, p.title AS title, p.year AS year, type(r) AS relation, m.id AS method
ORDER BY paper ASC, method ASC, relation ASC
