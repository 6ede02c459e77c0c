// Purpose: the label-independent indexes on the graph's own nodes (idempotent). A load into an empty
// database creates them after the data, so each is populated in one pass instead of updated by every
// write (BENCHMARKS.md, round 5); any other load creates the missing ones first.
// Parameters: none. Statements are separated by semicolons at line ends.
// The `lookup` text indexes answer the named queries' name/alias/title matches (n.lookup CONTAINS ...);
// `entity_papers` lets ranked queries read entities of one type in order of their paper count.
// Example: queries.load("internal/schema_fixed") split on ";\n", each run in its own transaction.
CREATE INDEX paper_year IF NOT EXISTS FOR (p:Paper) ON (p.year);
CREATE INDEX paper_published IF NOT EXISTS FOR (p:Paper) ON (p.published);
CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (p:Paper) ON EACH [p.title, p.abstract];
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (e:Method|Dataset|Task|Metric|Repository|Link) ON EACH [e.name, e.aliases];
CREATE RANGE INDEX paper_key IF NOT EXISTS FOR (p:Paper) ON (p.key);
CREATE TEXT INDEX paper_lookup IF NOT EXISTS FOR (p:Paper) ON (p.lookup);
CREATE TEXT INDEX author_lookup IF NOT EXISTS FOR (a:Author) ON (a.lookup);
CREATE RANGE INDEX entity_id IF NOT EXISTS FOR (e:Entity) ON (e.id);
CREATE TEXT INDEX entity_lookup IF NOT EXISTS FOR (e:Entity) ON (e.lookup);
CREATE RANGE INDEX entity_papers IF NOT EXISTS FOR (e:Entity) ON (e.type, e.papers);
