// Purpose: wait until every index is online (a new index on a full database populates in the background).
// Parameters: $seconds (int): how long to wait before the server reports a timeout error.
// Example: {seconds: 3600}
CALL db.awaitIndexes($seconds)
