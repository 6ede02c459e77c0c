// Who proposed a method (or introduced a dataset), when, and the sentence that says so.
// @param entity: string = "GeAR"  -- method or dataset name, alias or id
// @example kg query proposer_of --param entity=GeAR
MATCH (e:Entity)
WHERE e.id = $entity OR e.lookup CONTAINS ("\u001f" + toLower($entity) + "\u001f")
MATCH (p:Paper)-[r:PROPOSES|INTRODUCES]->(e)
OPTIONAL MATCH (a:Author)-[w:AUTHORED]->(p)
WITH e, p, r, a, w
ORDER BY w.position ASC
WITH e, p, r, collect(a.name) AS authors
RETURN e.id AS entity, p.id AS paper, p.title AS title, p.published AS published, p.year AS year,
       authors, r.sentence AS evidence
ORDER BY entity ASC, paper ASC
