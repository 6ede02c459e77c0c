// Purpose: before internal/count_methods recounts some methods (same transaction): lock each method and
// delete its old MethodYear, MethodDataset and MethodTask count nodes (a load into an empty database has
// none, and skips this).
// Parameters: $ids = method ids, e.g. ["method:clip", "method:lora"]
// Example: run with the same $ids as count_methods, just before it, in one managed write transaction.
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
