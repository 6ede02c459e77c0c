// Purpose: re-extraction: drop a loaded paper's extracted edges that its new extraction no longer has,
// recount the papers of the entities they pointed at (which the loaded graph may not hold),
// then delete the entities that no relationship touches any more.
// Parameters: $types = the extracted relationship types (kg.model.EXTRACTED_EDGE_TYPES),
//   $rows = [{id: "paper:2401.00001", keep: ["USES method:clip", "ADDRESSES task:question-answering"]}]
// Example: counters report relationships_deleted and nodes_deleted.
UNWIND $rows AS row
MATCH (p:Paper {id: row.id})-[r]->(e)
WHERE type(r) IN $types AND NOT (type(r) + " " + e.id) IN row.keep
DELETE r
WITH DISTINCT e
SET e.papers = COUNT { MATCH (p:Paper)-->(e) RETURN DISTINCT p }
WITH e
WHERE NOT (e)--()
DELETE e
