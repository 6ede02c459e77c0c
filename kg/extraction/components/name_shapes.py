"""``kg_names``: tokens shaped like model names, and the name a title opens with."""
from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from kg.extraction.components.doc_tables import (DASHES, DIGIT, NAME_HINT, Tokens, add_span, candidates,
                                                 glued_word_around, looks_like_name, tokens)
from kg.extraction.lexicon import load
from kg.model import NEW_ROLES


@Language.factory("kg_names")
class NameShapes:
    """Tokens shaped like model names (``cMIM``, ``LLaVA-1.5``), and the name a title opens with.

    A name in a list after ``on``/``across`` (``results on Foo and ImageNet``) is a dataset.
    """

    def __init__(self, nlp: Language, name: str):
        self.resources = load()
        cues = self.resources.cues
        self.list_cues = set(cues["dataset_list_cues"])
        self.blockers = set(cues["dataset_list_blockers"])
        self.dataset_heads = set(cues["heads"]["dataset"])
        self.list_openers = set(cues["dataset_list_openers"])

    def __call__(self, doc: Doc) -> Doc:
        if doc.user_data.get("field") == "title":
            self._title_name(doc)
        table = tokens(doc)
        if table.text.isupper():  # an all-capitals text has no name shapes
            return doc
        lexicon_datasets = {i for c in candidates(doc) if c.source == "lexicon" and c.type == "dataset"
                            for i in range(c.first_token, c.end_token)}
        starts = table.starts
        words, lower = table.words, table.lower
        hinted = sorted({bisect_right(starts, m.start()) - 1 for m in NAME_HINT.finditer(table.text)})
        # A name has a capital after its first letter, a capital and a digit, or is joined by a dash.
        seeds = [i for i in hinted if words[i][1:] != lower[i][1:] or words[i] in DASHES
                 or (words[i][:1] != lower[i][:1] and DIGIT.search(words[i]))]
        seen_until = -1
        for seed in seeds:
            first, end = glued_word_around(table, seed)
            if first < seen_until or end <= first:
                continue
            seen_until = end
            text = table.span_text(first, end)
            if looks_like_name(text) and not self.resources.names_nothing(text):
                type_ = "dataset" if self._in_dataset_list(doc, first, lexicon_datasets) else "method"
                add_span(doc, type_, first, end, "name_shape", text)
        return doc

    def _title_name(self, doc: Doc) -> None:
        """``cMIM: A Contrastive ...``: the title names what the paper proposes."""
        colon = next((t.i for t in doc[:6] if t.text == ":"), None)
        if not colon:
            return
        name = doc[:colon]
        if len(name) > 1 and not any(looks_like_name(t.text) for t in name):
            return
        if self.resources.is_generic(name.text) or not name.text[:1].isalnum():
            return
        type_ = "dataset" if any(t.lower_ in self.dataset_heads for t in doc[colon:]) else "method"
        add_span(doc, type_, 0, colon, "title_name", name.text)
        candidates(doc)[-1].role = NEW_ROLES[type_]

    def _in_dataset_list(self, doc: Doc, i: int, lexicon_datasets: set[int]) -> bool:
        """Walk left over a list of names; a list after ``on``/``across`` names datasets."""
        table = tokens(doc)
        sent_start = table.sentence_start(i)
        j = i
        while j > sent_start:
            prev = table.words[j - 1]
            if j - 1 in lexicon_datasets:
                return True
            if prev in (",", "and", "or") or looks_like_name(prev) or prev.istitle():
                j -= 1
                continue
            break
        if self._after_dataset_word(table, j, sent_start):
            return True
        if j == sent_start or table.lower[j - 1] not in self.list_cues:
            return False
        return j < 2 or table.lower[j - 2] not in self.blockers

    def _after_dataset_word(self, table: Tokens, j: int, sent_start: int) -> bool:
        """``datasets such as X``, ``two datasets, X and Y``, ``test sets are X``: a list after a dataset word."""
        k = j - 1
        while k >= sent_start and j - k <= 3 and table.lower[k] in self.list_openers:
            k -= 1
        return k >= sent_start and table.lower[k] in self.dataset_heads

