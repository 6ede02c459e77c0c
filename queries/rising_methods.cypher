// Rising methods: papers naming each method in a year against the year before (papers with a known year only).
// @param year: int = 2024  -- the year to compare with the year before
// @param n: int = 10  -- how many methods to list
// @example kg query rising_methods --param year=2024 --param n=10
MATCH (p:Paper)-[:USES|PROPOSES]->(m:Method)
WHERE p.year IN [$year - 1, $year]
WITH m, count(DISTINCT CASE WHEN p.year = $year THEN p END) AS papers,
     count(DISTINCT CASE WHEN p.year = $year - 1 THEN p END) AS papers_before
RETURN m.id AS method, m.name AS name, papers_before, papers, papers - papers_before AS growth
ORDER BY growth DESC, papers DESC, method ASC
LIMIT $n
