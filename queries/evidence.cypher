// The evidence behind the edges from a paper to an entity: relationship, sentence, offsets, rule.
// @param paper: string = "Discriminative Fine-tuning of LVLMs"  -- paper id, key (arXiv id) or title, any case
// @param entity: string = "LoRA"  -- entity name, alias or id
// @example kg query evidence --param paper="Discriminative Fine-tuning of LVLMs" --param entity=LoRA
MATCH (p:Paper)
WHERE p.id = $paper OR p.key = $paper OR p.lookup CONTAINS ("\u001f" + toLower($paper) + "\u001f")
MATCH (p)-[r]->(e:Entity)
WHERE e.id = $entity OR e.lookup CONTAINS ("\u001f" + toLower($entity) + "\u001f")
RETURN p.id AS paper, e.id AS entity, type(r) AS relation, r.field AS field,
       r.sentence_index AS sentence_index, r.start AS start, r.end AS end,
       r.sentence AS sentence, r.rule AS rule, r.mentions AS mentions
ORDER BY paper ASC, entity ASC, relation ASC
