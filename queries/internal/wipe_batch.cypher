// Purpose: delete up to $n nodes and their relationships (kg load --wipe repeats it until it returns 0).
// Parameters: $n = batch size, e.g. 10000
// Example: RETURN deleted = 10000, then ..., then 0
MATCH (n)
WITH n LIMIT $n
DETACH DELETE n
RETURN count(*) AS deleted
