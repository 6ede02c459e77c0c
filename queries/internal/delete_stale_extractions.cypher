// Purpose: re-extraction: drop a loaded paper's extracted edges that its new extraction no longer has,
// recount the papers of the entities they pointed at (which the loaded graph may not hold),
// then delete the entities that no relationship touches any more; returns the methods that lost
// edges, whose count nodes (internal/count_methods) the loader then recounts.
// Parameters: $types = the extracted relationship types (kg.model.EXTRACTED_EDGE_TYPES),
//   $rows = [{id: "paper:2401.00001", keep: ["USES method:clip", "ADDRESSES task:question-answering"]}]
// Example: counters report relationships_deleted and nodes_deleted; one row {methods: ["method:clip"]}.
UNWIND $rows AS row
MATCH (p:Paper {id: row.id})-[r]->(e)
WHERE type(r) IN $types AND NOT (type(r) + " " + e.id) IN row.keep
DELETE r
WITH DISTINCT e
SET e.papers = COUNT { MATCH (p:Paper)-->(e) RETURN DISTINCT p }
WITH e, CASE WHEN e:Method THEN e.id END AS method
CALL (e) {
  MATCH (e)
  WHERE NOT (e)--()
  DELETE e
}
RETURN collect(method) AS methods
