// Purpose: check that a database exists and answers (kg.db.connect with NEO4J_DATABASE set).
// Parameters: none.
// Example: one row {ok: 1}
RETURN 1 AS ok
