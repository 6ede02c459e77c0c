"""``kg_task_clauses``: a gerund and its object after ``for``/``of``/``on`` (``a method for predicting
segment boundaries``) is the task the sentence names, as annotators of scientific abstracts mark it.

These are mentions, not names: the entity decision keeps a gerund with its object out of the graph
(:mod:`kg.entity_decision`, clause fragments), so they add recall to ``kg extract`` without adding nodes.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.extraction.components.doc_tables import Tokens, add_span, candidates, tokens
from kg.extraction.lexicon import english, load, read_json


@Language.factory("kg_task_clauses")
class TaskClauses:
    """``for predicting segment boundaries``, ``the task of identifying subtopic boundaries``."""

    MAX_OBJECT_WORDS = 4  # longer runs are mostly whole clauses, not a task's name

    def __init__(self, nlp: Language, name: str):
        resources = load()
        cues = resources.cues
        self.stop = resources.stopwords
        self.openers = set(cues["task_clause_openers"])
        self.not_tasks = set(cues["task_clause_non_task_verbs"])
        self.gerunds = english("gerunds") - set(cues["heads"]["task"]) - set(cues["task_phrase_ends"])
        self.ends = set(cues["task_phrase_ends"]) | set(cues["task_clause_ends"])
        self.qualifiers = set(read_json("entity_decision.json")["qualifiers"])

    def __call__(self, doc: Doc) -> Doc:
        table = tokens(doc)
        lower, openers = table.lower, self.openers
        # one comprehension over the words (an indexed loop read two list items a token); most docs have none
        gerunds = [i for i, word in enumerate(lower[:-1], 1) if word in openers and self._is_task_gerund(lower[i])]
        if not gerunds:
            return doc
        taken = {i for c in candidates(doc) if c.type != "task" for i in range(c.first_token, c.end_token)}
        for i in gerunds:
            end = self._object_end(table, i, taken)
            if end > i + 1:
                add_span(doc, "task", i, end, "task_clause", table.span_text(i, end))
        return doc

    def _is_task_gerund(self, word: str) -> bool:
        return word in self.gerunds and word not in self.not_tasks

    def _object_end(self, table: Tokens, gerund: int, taken: set[int]) -> int:
        """One past the object's last word: the run after the gerund up to a stop word, punctuation, the
        sentence end, another entity type's mention or a task word (``parsing task``); no object (``for
        improving the ...``) or one running on past :attr:`MAX_OBJECT_WORDS` gives ``gerund + 1``."""
        sentence_end = table.sentence_end(table.sentence_of[gerund])
        limit = min(sentence_end, gerund + 1 + self.MAX_OBJECT_WORDS)
        end = gerund + 1
        while end < limit and not self._ends_object(table, end, taken):
            end += 1
        if end == limit < sentence_end and not (table.is_punct(end) or table.lower[end] in self.stop):
            return gerund + 1  # the run goes on past the limit: a clause, not a name
        if end > gerund + 1 and table.lower[gerund + 1] in self.qualifiers:
            return gerund + 1
        return end

    def _ends_object(self, table: Tokens, i: int, taken: set[int]) -> bool:
        return (table.is_punct(i) and table.words[i] != "-") or table.lower[i] in self.stop or i in taken \
            or table.lower[i] in self.ends
