"""spaCy components of the extraction pipeline, one module each, registered by name on import.

Each finder appends :class:`~kg.extraction.components.doc_tables.Candidate` records to
``doc.user_data["kg_candidates"]``; ``kg_select`` keeps the best non-overlapping ones,
``kg_non_names`` drops those that name nothing, and ``kg_roles`` decides the paper's role
towards each (proposes, uses, evaluates_on ...). The words these rules look for are data
files read by :mod:`kg.extraction.lexicon`. Whether an entity becomes a graph node is decided
later, over the whole corpus, by :mod:`kg.entity_decision`.
"""
from kg.extraction.components import (acronyms, cue_phrases, lexicon_matcher, name_shapes,  # noqa: F401
                                      roles, selection, task_clauses, task_lists, url_finder)
from kg.extraction.components.doc_tables import Candidate, candidates, tokens

__all__ = ["Candidate", "candidates", "tokens"]
