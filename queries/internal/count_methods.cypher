// Purpose: after a load, recount what the ranked analytics read for some methods, as count nodes
// only Neo4j holds (docs/schema.md, "Only in Neo4j"): one MethodYear per method and year it or the
// year before has papers in, one MethodDataset per dataset its papers evaluate on or introduce, one
// MethodTask per task they address. rising_methods, method_dataset_pairs, datasets_for_method,
// methods_on_dataset and methods_for_task then read an index in order and stop after $n rows, where
// counting per call took seconds at 1M papers (BENCHMARKS.md).
// Counted on the server, so papers of earlier loads count too.
// Parameters: $ids = method ids, e.g. ["method:clip", "method:lora"]; an id without a node only
// loses its count nodes (a method a re-extraction left unconnected).
// Example: UNWIND of 1,000 ids per managed write transaction (loaders.neo4j_writer.COUNT_BATCH_SIZE),
// sorted, so concurrent loads take the method locks in one order.
UNWIND $ids AS id
CALL (id) {
  // A write lock on the method, held to commit: a concurrent load recounting it waits, then sees
  // (and deletes) these count nodes instead of adding its own beside them.
  MATCH (m:Method {id: id})
  SET m.kg_recount = true
  REMOVE m.kg_recount
}
CALL (id) {
  MATCH (old:MethodYear {method: id})
  DELETE old
}
CALL (id) {
  MATCH (old:MethodDataset {method: id})
  WHERE old.papers IS NOT NULL  // true of every count node; lets the (method, papers) index find them
  DELETE old
}
CALL (id) {
  MATCH (old:MethodTask {method: id})
  WHERE old.papers IS NOT NULL
  DELETE old
}
CALL (id) {
  MATCH (:Method {id: id})<-[:USES|PROPOSES]-(p:Paper)
  WHERE p.year IS NOT NULL
  WITH p.year AS year, count(DISTINCT p) AS papers
  WITH collect({year: year, papers: papers}) AS counts
  WITH counts, [c IN counts | c.year] AS years
  UNWIND years + [y IN years WHERE NOT y + 1 IN years | y + 1] AS year
  WITH year, coalesce(head([c IN counts WHERE c.year = year | c.papers]), 0) AS papers,
       coalesce(head([c IN counts WHERE c.year = year - 1 | c.papers]), 0) AS papers_before
  CREATE (:MethodYear {method: id, year: year, papers: papers, papers_before: papers_before,
                       growth: papers - papers_before})
}
CALL (id) {
  MATCH (:Method {id: id})<-[:USES|PROPOSES]-(p:Paper)-[:EVALUATES_ON|INTRODUCES]->(d:Dataset)
  WITH d, count(DISTINCT p) AS papers
  CREATE (:MethodDataset {method: id, dataset: d.id, papers: papers})
}
CALL (id) {
  MATCH (:Method {id: id})<-[:USES|PROPOSES]-(p:Paper)-[:ADDRESSES]->(t:Task)
  WITH t, count(DISTINCT p) AS papers
  CREATE (:MethodTask {method: id, task: t.id, papers: papers})
}
