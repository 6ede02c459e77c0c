// Purpose: how many nodes the database holds (read from the count store, no scan); 0 makes a load a first load.
// Parameters: none.
// Example: one row {n: 0}
MATCH (n)
RETURN count(n) AS n
