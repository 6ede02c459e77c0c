// Everything a paper names: its methods, datasets, tasks, metrics, code and links, with the relationship.
// @param paper: string = "Discriminative Fine-tuning of LVLMs"  -- paper id, key (arXiv id) or title, any case
// @example kg query paper_entities --param paper="Discriminative Fine-tuning of LVLMs"
MATCH (p:Paper)
WHERE p.id = $paper OR p.key = $paper OR p.lookup CONTAINS ("\u001f" + toLower($paper) + "\u001f")
MATCH (p)-[r]->(e:Entity)
RETURN p.id AS paper, type(r) AS relation, e.id AS entity, e.name AS name, r.mentions AS mentions
ORDER BY paper ASC, relation ASC, entity ASC
