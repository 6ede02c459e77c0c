// An author's papers, with the methods each proposes (author given by name or id, any case).
// @param author: string = "Wayne Xin Zhao"  -- author name or id
// @example kg query author_papers --param author="Wayne Xin Zhao"
MATCH (a:Author)-[:AUTHORED]->(p:Paper)
WHERE a.id = $author OR a.lookup CONTAINS ("\u001f" + toLower($author) + "\u001f")
OPTIONAL MATCH (p)-[:PROPOSES]->(m:Method)
WITH a, p, m
ORDER BY m.name ASC
WITH a, p, collect(m.name) AS proposes
RETURN a.id AS author, p.id AS paper, p.title AS title, p.year AS year, proposes
ORDER BY author ASC, paper ASC
