// Citations of a paper, both ways: the papers it cites (out) and the papers citing it (in).
// @param paper: string = "Computing Machinery and Intelligence"  -- paper id, key (arXiv id) or title, any case
// @example kg query citations --param paper="Computing Machinery and Intelligence"
MATCH (p:Paper)
WHERE p.id = $paper OR p.key = $paper OR p.lookup CONTAINS ("\u001f" + toLower($paper) + "\u001f")
MATCH (p)-[c:CITES]-(q:Paper)
RETURN DISTINCT CASE WHEN startNode(c) = p THEN "out" ELSE "in" END AS direction,
       q.id AS paper, q.title AS title, q.stub AS stub
ORDER BY direction ASC, paper ASC
