// Rising methods: papers naming each method in a year against the year before (papers with a known year only).
// Reads the MethodYear count nodes the loader keeps (docs/schema.md, "Only in Neo4j") in the order of
// the (year, growth) index (ordering by t.year too tells the planner so), so it stops after $n rows
// instead of counting every paper of two years.
// @param year: int = 2024  -- the year to compare with the year before
// @param n: int = 10  -- how many methods to list
// @example kg query rising_methods --param year=2024 --param n=10
MATCH (t:MethodYear)
WHERE t.year = $year AND t.growth IS NOT NULL
WITH t ORDER BY t.year DESC, t.growth DESC, t.papers DESC, t.method ASC LIMIT $n
MATCH (m:Method {id: t.method})
RETURN m.id AS method, m.name AS name, t.papers_before AS papers_before, t.papers AS papers, t.growth AS growth
ORDER BY growth DESC, papers DESC, method ASC
