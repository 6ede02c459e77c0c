// Purpose: remove the throw-away user made by create_user.cypher.
// Parameters: $name = "kg_reliability" (run on the `system` database).
// Example: driver.execute_query(text, name="kg_reliability", database_="system")
DROP USER $name IF EXISTS
