"""``kg_lexicon``: the known names of the lexicon files, matched with spaCy's ``PhraseMatcher``."""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.extraction.components.doc_tables import Tokens, add_span, tokens
from kg.extraction.lexicon import is_case_sensitive, load


@Language.factory("kg_lexicon")
class LexiconMatcher:
    """Known methods, datasets, tasks and metrics from the lexicon files (PhraseMatcher)."""

    def __init__(self, nlp: Language, name: str):
        resources = load()
        self.entries = resources.entries
        self.needs_metric_context = set(resources.cues["metrics_needing_context"])
        self.score_words = set(resources.cues["metric_score_words"])
        self.context_words = set(resources.cues["metric_context_words"])
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        for n, entry in enumerate(self.entries):
            forms = entry.surfaces()
            exact = [nlp.make_doc(f) for f in forms if is_case_sensitive(f)]
            folded = [nlp.make_doc(f) for f in forms if not is_case_sensitive(f)]
            if exact:
                self.exact.add(str(n), exact)
            if folded:
                self.folded.add(str(n), folded)

    def __call__(self, doc: Doc) -> Doc:
        matches = [(self.entries[int(doc.vocab.strings[match_id])], i, j)
                   for match_id, i, j in [*self.exact(doc), *self.folded(doc)]]
        metric_tokens = {k for entry, i, j in matches if entry.type == "metric" for k in range(i, j)}
        table = tokens(doc)
        for entry, i, j in matches:
            if entry.name in self.needs_metric_context and not self._in_metric_context(table, i, j, metric_tokens):
                continue
            add_span(doc, entry.type, i, j, "lexicon", entry.name)
        return doc

    def _in_metric_context(self, table: Tokens, i: int, j: int, metric_tokens: set[int]) -> bool:
        """``BLEU and NIST``, ``NIST, BLEU``, ``the NIST score``, ``in terms of speed``: another metric or a
        score word next to it, or a metric context word up to three words before it."""
        near = {i - 2, i - 1, j, j + 1}
        before = table.lower[max(table.sentence_start(i), i - 3):i]
        return bool(near & metric_tokens) or (j < len(table) and table.lower[j] in self.score_words) \
            or any(word in self.context_words for word in before)

