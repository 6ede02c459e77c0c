// Purpose: write PageRank and community of methods and datasets back (KnowledgeGraph.write_analytics_to_neo4j).
// Parameters: $rows = list of {id, pagerank, community}, e.g. [{id: "method:clip", pagerank: 0.031, community: 0}]
// Example: UNWIND $rows ... sets n.pagerank and n.community
UNWIND $rows AS row
MATCH (n:Method|Dataset {id: row.id})
SET n.pagerank = row.pagerank, n.community = row.community
