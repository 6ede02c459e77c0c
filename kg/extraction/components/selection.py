"""``kg_select`` keeps the best non-overlapping candidates; ``kg_non_names`` drops those naming nothing."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extraction.components.doc_tables import NUMBER, TYPE_ORDER, Candidate, Tokens, candidates, tokens
from kg.extraction.lexicon import name_key, read_json


@Language.component("kg_select")
def select_candidates(doc: Doc) -> Doc:
    """Keep the best non-overlapping candidates (URL, then longest, then most trusted rule)."""
    taken = bytearray(len(tokens(doc).text) + 1)  # one flag per character: linear even for megabyte texts
    kept = []
    for cand in sorted(candidates(doc), key=lambda c: c.rank, reverse=True):
        if not any(taken[cand.start:cand.end]):
            taken[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
            kept.append(cand)
    doc.user_data["kg_candidates"] = sorted(kept, key=lambda c: c.start)
    return doc


@Language.factory("kg_non_names")
class NonNameFilter:
    """Drops candidates that name nothing a user would look up: platforms (GitHub, arXiv), LaTeX
    debris, counts (``16 evaluation``), dashed adjectives (``LLM-generated``); ``CLIP-based`` -> ``CLIP``."""

    def __init__(self, nlp: Language, name: str):
        rules = read_json("roles.json")
        self.platforms = {name_key(p) for p in rules["platforms"]}
        self.name_suffixes = set(rules["name_suffixes"])
        self.adjective_ends = set(rules["adjective_ends"])
        self.debris = re.compile(rules["latex_debris"])

    def __call__(self, doc: Doc) -> Doc:
        table = tokens(doc)
        doc.user_data["kg_candidates"] = [c for c in candidates(doc) if self._names_something(table, c)]
        return doc

    def _names_something(self, table: Tokens, cand: Candidate) -> bool:
        """False for a non-name; an ``X-based`` name of a capitalised ``X`` becomes ``X``."""
        if cand.type not in TYPE_ORDER or cand.source == "lexicon":
            return True
        text = table.text[cand.start:cand.end]
        if name_key(text) in self.platforms or self.debris.search(text):
            return False
        if NUMBER.match(table.words[cand.first_token]) and " " in text and text == text.lower():
            return False  # a count before common words: "16 evaluation (datasets)", "10 public"
        head, dash, last = text.rpartition("-")
        if not dash or " " in text:
            return True
        if last.lower() in self.name_suffixes and head != head.lower():
            cand.canonical = head
            return True
        return last.lower() not in self.adjective_ends | self.name_suffixes

