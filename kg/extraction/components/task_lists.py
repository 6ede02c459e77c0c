"""``kg_task_lists``: the items of a list of tasks (``tasks such as summarization, opinion mining and
document indexing``) are tasks, whatever head word they end in (``taxonomy learning`` is no method there)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.extraction.components.doc_tables import Tokens, add_span, tokens
from kg.extraction.lexicon import english, load


@Language.factory("kg_task_lists")
class TaskLists:
    """``tasks, such as A, B and C``, ``applications including A and B``: each item is a task while it
    reads like one (a few words ending in an action noun); the list ends at the first item that does not."""

    MAX_ITEM_WORDS = 4
    _SEPARATORS = {",", "and", "or", ";"}

    def __init__(self, nlp: Language, name: str):
        resources = load()
        cues = resources.cues
        self.stop = resources.stopwords
        self.list_words = set(cues["task_list_words"])
        self.openers = [opener.split() for opener in cues["task_list_openers"]]
        self.task_heads = set(cues["heads"]["task"])
        self.action_ends = tuple(cues["task_list_item_ends"])
        self.not_tasks = set(cues["task_clause_non_task_verbs"]) | english("verbs")

    def __call__(self, doc: Doc) -> Doc:
        table = tokens(doc)
        list_words = self.list_words  # not an attribute lookup a word
        for i in [i for i, low in enumerate(table.lower) if low in list_words]:
            start = self._list_start(table, i + 1)
            if start is not None:
                self._items(doc, table, start)
        return doc

    def _list_start(self, table: Tokens, i: int) -> int | None:
        """The first token of the list after a list word, if an opener (``such as``, ``, including``) follows it."""
        i += i < len(table) and table.words[i] == ","
        for opener in self.openers:
            if table.lower[i:i + len(opener)] == opener:
                return i + len(opener)
        return None

    def _items(self, doc: Doc, table: Tokens, i: int) -> None:
        limit = table.sentence_end(table.sentence_of[i - 1])
        while i < limit:
            while i < limit and table.lower[i] in self._SEPARATORS:
                i += 1
            end = i
            while end < limit and table.lower[end] not in self._SEPARATORS and table.words[end] != "(" \
                    and not (table.is_punct(end) and table.words[end] != "-"):
                end += 1
            if not self._is_task(table, i, end):
                return
            add_span(doc, "task", i, end, "task_list", table.span_text(i, end))
            i = self._after_parenthesis(table, end, limit)

    def _is_task(self, table: Tokens, first: int, end: int) -> bool:
        """A few words, no stop word, the first no verb, the last an action noun (``opinion mining``)."""
        words = table.lower[first:end]
        if not words or len(words) > self.MAX_ITEM_WORDS or any(w in self.stop for w in words) \
                or words[0] in self.not_tasks:
            return False
        return words[-1] in self.task_heads or words[-1].endswith(self.action_ends)

    @staticmethod
    def _after_parenthesis(table: Tokens, i: int, limit: int) -> int:
        """Past a citation or an acronym in parentheses after an item: ``text summarization (), ...``."""
        if i < limit and table.words[i] == "(":
            depth = 0
            while i < limit:
                depth += (table.words[i] == "(") - (table.words[i] == ")")
                i += 1
                if depth == 0:
                    break
        return i
