// Purpose: a throw-away user with a distinctive password, to prove kg never writes the password anywhere.
// Parameters: $name = "kg_reliability", $password = "Reliability-Secret-..." (run on the `system` database).
// Example: driver.execute_query(text, name="kg_reliability", password="...", database_="system")
CREATE OR REPLACE USER $name SET PASSWORD $password CHANGE NOT REQUIRED
