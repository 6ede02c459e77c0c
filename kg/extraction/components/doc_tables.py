"""What every component shares: the candidate record, the doc's token table and sentence split.

Each finder appends :class:`Candidate` records to ``doc.user_data["kg_candidates"]``
(see :func:`candidates`) and reads the doc through :class:`Tokens` (see :func:`tokens`).
"""
from __future__ import annotations

import operator
import re
from dataclasses import dataclass

from spacy.attrs import IDX, LENGTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from kg.extraction.lexicon import load


# Which finder wins when two candidates of equal length overlap.
PRIORITY = {"url": 9, "title_name": 6, "acronym": 5, "lexicon": 4, "acronym_ref": 4, "task_list": 4,
            "cue_phrase": 3, "task_phrase": 3, "task_clause": 2, "described_name": 2, "name_shape": 1, "bare_name": 1}
# Short forms in parentheses: two or more letters, at least one capital ("LLS", "cMIM", "Re-ID", "3D-GS").
ACRONYM = re.compile(r"^(?=.*[A-Z])(?=(?:.*[A-Za-z]){2})[A-Za-z0-9][\w\-+./]{0,11}$")
TYPE_ORDER = ("dataset", "metric", "task", "method")
_SENTENCE_END = {".", "!", "?", "...", "\u2026"}
_CLOSERS = {")", "]", "}", "\"", "'", "\u201d", "\u2019"}
_ALNUM = re.compile(r"[^\W_]")
DIGIT = re.compile(r"\d")
LETTER = re.compile(r"[^\W\d_]")
# Where a name shape may be: a capital after a word character, a capital word with a digit, a dash.
NAME_HINT = re.compile(r"[A-Z0-9\-\u2010-\u2014]")  # one character class: alternations are slow
PARENTHESIS = re.compile(r"\s*\([^()]*\)")  # "(POS)" inside a phrase is no part of its name
NUMBER = re.compile(r"^[+\-\u00b1]?[\d.,%]+$")
# A release after a dataset name: "CTB 6.0", "FrameNet 1.5", "DUC 2004" (a year, not any number: "MNIST 10").
_VERSION = re.compile(r"^(?:v?\d+\.\d+|(?:19|20)\d\d)$")
_LATEX = re.compile(r"[$\\^{}]")
_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+\s*")
_LATEX_MARKS = re.compile(r"[$^{}]")
DASHES = {"-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014"}


@dataclass(slots=True)  # no __dict__ for each of the hundreds of thousands a corpus makes
class Candidate:
    """A span some rule thinks is an entity; offsets are characters into ``doc.text``."""

    type: str
    start: int
    end: int
    first_token: int
    end_token: int
    source: str
    canonical: str
    role: str | None = None
    kind: str | None = None

    @property
    def rank(self) -> tuple:
        return (self.source == "url", self.end - self.start, PRIORITY[self.source])


def candidates(doc: Doc) -> list[Candidate]:
    """The doc's candidate list (kept in ``user_data``: the ``doc._`` accessor is slow in loops)."""
    return doc.user_data.setdefault("kg_candidates", [])


class Tokens:
    """Plain lists of a doc's token texts, offsets and sentences, built once per doc.

    The rules read these instead of ``Token`` objects: creating a ``Token`` per look
    costs more than the rules themselves, and ``Token.sent`` re-scans the whole doc.
    """

    def __init__(self, doc: Doc):
        # Doc.text re-joins every token on each access; the extractor hands over the original text, and the
        # text spaCy tokenized where that differs (line breaks as spaces): what Span.text would read
        self.text = text = doc.user_data.get("text") or doc.text
        self.tokenized: str = doc.user_data.get("tokenized", text)
        starts, lengths, space = doc.to_array([IDX, LENGTH, SPACY]).T.tolist() if len(doc) else ([], [], [])
        self.starts: list[int] = starts
        self.ends: list[int] = list(map(operator.add, starts, lengths))
        self.words: list[str] = [text[start:end] for start, end in zip(starts, self.ends)]
        self.lower: list[str] = list(map(str.lower, self.words))
        self.space: list[int] = space  # 1 when whitespace follows the token
        self.sentence_first, self.sentence_of = split_sentences(self.words)

    def __len__(self) -> int:
        return len(self.words)

    def sentence_start(self, i: int) -> int:
        return self.sentence_first[self.sentence_of[i]]

    def sentence_end(self, index: int) -> int:
        """One past the last token of sentence ``index``."""
        return self.sentence_first[index + 1] if index + 1 < len(self.sentence_first) else len(self.words)

    def span_text(self, i: int, j: int) -> str:
        return self.text[self.starts[i]:self.ends[j - 1]] if j > i else ""

    def tokenized_text(self, i: int, j: int) -> str:
        """``doc[i:j].text`` without Span and Token objects: line breaks read as the spaces spaCy saw."""
        return self.tokenized[self.starts[i]:self.ends[j - 1]] if j > i else ""

    def is_punct(self, i: int) -> bool:
        return _ALNUM.search(self.words[i]) is None

    def is_name_token(self, i: int) -> bool:
        """Part of a proper name: a digit, an inner capital, or a capital not explained by sentence start."""
        word = self.words[i]
        return DIGIT.search(word) is not None or word[1:] != word[1:].lower() \
            or (word[:1].isupper() and self.sentence_start(i) != i and self.words[i - 1] != ":")


def positions(words: list[str], word: str) -> list[int]:
    """Where ``word`` is in ``words``, found by ``list.index`` (in C: a comprehension over every word cost
    more, and most abstracts have a few parentheses or none).

    >>> positions(["a", "(", "b", "(", ")"], "("), positions(["a"], "(")
    ([1, 3], [])
    """
    found, i = [], -1
    for _ in range(words.count(word)):  # counted first: no ValueError to raise and catch at the end
        i = words.index(word, i + 1)
        found.append(i)
    return found


def split_sentences(words: list[str]) -> tuple[list[int], list[int]]:
    """First token of each sentence, and each token's sentence index.

    Like spaCy's sentencizer: a sentence starts at the first non-punctuation token
    after ``.``, ``!`` or ``?`` (``e.g.`` is one token, so it does not split).

    >>> split_sentences(["A", ".", "B", "!", ")", "C"])
    ([0, 2, 5], [0, 0, 1, 1, 1, 2])
    """
    if not words:
        return [], []
    firsts = [0]
    for end in [i for i, word in enumerate(words) if word in _SENTENCE_END]:
        nxt = end + 1
        while nxt < len(words) and (words[nxt] in _SENTENCE_END or words[nxt] in _CLOSERS):
            nxt += 1
        if firsts[-1] < nxt < len(words):
            firsts.append(nxt)
    of: list[int] = []
    for index, (first, end) in enumerate(zip(firsts, firsts[1:] + [len(words)])):
        of.extend([index] * (end - first))
    return firsts, of


@Language.component("kg_sentences")
def sentence_table(doc: Doc) -> Doc:
    """Tokens and sentence boundaries as plain lists (see :class:`Tokens`) for the later rules."""
    tokens(doc)
    return doc


def tokens(doc: Doc) -> Tokens:
    table = doc.user_data.get("kg_tokens")
    if table is None:
        table = doc.user_data["kg_tokens"] = Tokens(doc)
    return table


def add_span(doc: Doc, type_: str, i: int, j: int, source: str, canonical: str) -> None:
    """Record tokens ``doc[i:j]`` as a candidate; a dataset takes the version or year after it and
    the language before it."""
    table = tokens(doc)
    if type_ == "dataset" and j < len(table) and _VERSION.match(table.words[j]):
        canonical, j = f"{canonical} {table.words[j]}", j + 1
    if type_ == "dataset" and i > 0 and table.space[i - 1] and table.lower[i - 1] in load().languages \
            and table.words[i - 1][:1].isupper():  # Chinese PropBank, Czech WordNet: a resource of its own
        canonical, i = f"{table.words[i - 1]} {canonical}", i - 1
    # a name wrapped over two lines ("ActivityNet\nCaptions") is the same name on one line
    canonical = " ".join(plain_name(canonical).split())
    candidates(doc).append(Candidate(type_, table.starts[i], table.ends[j - 1], i, j, source, canonical))


def plain_name(text: str) -> str:
    r"""A name with its LaTeX markup taken out: ``U$^2$-Net`` -> ``U2-Net``, ``\textsc{Lion}`` -> ``Lion``.

    >>> plain_name("U$^2$-Net"), plain_name("\\textsc{Lion}"), plain_name("ResNet-50")
    ('U2-Net', 'Lion', 'ResNet-50')
    """
    if not _LATEX.search(text):
        return text
    return _LATEX_MARKS.sub("", _LATEX_COMMAND.sub("", text)).strip() or text


def looks_like_name(text: str) -> bool:
    """Model-name shape: an inner capital (``ResNet``, ``CLIP``, ``cMIM``) or capital plus digit (``Llama-2``).

    >>> [looks_like_name(w) for w in ("ResNet", "GPT-4o", "Llama-2", "Transformer", "3D", "model", "NP")]
    [True, True, True, False, False, False, False]
    """
    if not text[:1].isalnum() or text[1:] == text[1:].lower() and not (text[0].isupper() and DIGIT.search(text)):
        return False
    letters = sum(c.isalpha() for c in text)
    return letters >= 2 and not (letters <= 2 and text.isalpha() and text.isupper())


def glued_word_around(table: Tokens, i: int) -> tuple[int, int]:
    """``(first, end)`` of the word around token ``i`` written without spaces and joined by dashes
    (``GraphFormer-XL`` is three tokens, ``MedM2G`` two)."""
    words, space = table.words, table.space

    def joins(dash: int) -> bool:
        return 0 < dash < len(words) - 1 and words[dash] in DASHES and not space[dash - 1] \
            and not space[dash] and words[dash - 1][:1].isalnum() and words[dash + 1][:1].isalnum()

    first, end = i, i + 1
    if words[i] in DASHES:
        if not joins(i):
            return i, i
        first, end = i - 1, i + 2
    while joins(first - 1):
        first -= 2
    while joins(end):
        end += 2
    # spaCy splits a unit after a number ("5G", "10M"), and so a name that ends like one: "MedM2G", "COYO-700M"
    while end < len(words) and not space[end - 1] and words[end - 1][-1:].isdigit() and words[end].isalpha() \
            and len(words[end]) <= 2 and words[end - 1][:1].isalpha():
        end += 1
    return first, end


_ARTICLES = {"a", "an", "the"}
_DESCRIPTION_REACH = 12  # tokens of "a simple yet effective multi-task mixture-of-experts model that"
_DESCRIPTION_ENDS = {",", ".", ";", ":", "(", ")", "that", "which", "for", "of", "to", "with", "in", "on", "by",
                     "and", "or", "designed", "trained", "tailored"}
_QUOTES = {"\"", "'", "\u201c", "\u201d", "\u2018", "\u2019", "*"}  # and markdown's *emphasis*


def described_type(table: Tokens, first: int, end: int, heads: dict[str, str], naming: set[str]) -> str | None:
    """The type that a description beside the name ``words[first:end]`` gives it: the head of an
    appositive after it (``DNIS, a method that``, ``M2RAG, a novel task``), of a phrase the name stands in
    apposition to (``a German resource, DERIVBASE, mapping``) or of the phrase before a
    naming word (``a new dataset named UFine6926``, ``a ... method named MLCD``). ``heads`` maps a
    head word to its type.

    >>> import spacy
    >>> table = Tokens(spacy.blank("en")("We propose DNIS, a simple search method that works."))
    >>> described_type(table, 2, 3, {"method": "method"}, {"named"})
    'method'
    """
    words, lower = table.words, table.lower
    if end + 1 < len(words) and words[end] == "," and lower[end + 1] in _ARTICLES:
        head = None
        for i in range(end + 2, min(end + 2 + _DESCRIPTION_REACH, len(words))):
            dashed_before, dashed_after = words[i - 1] in DASHES, i + 1 < len(words) and words[i + 1] in DASHES
            if lower[i] in _DESCRIPTION_ENDS and not (dashed_before or dashed_after):  # "mixture-of-experts"
                break
            if not dashed_after:  # "multi-task model": "task" is a modifier
                head = heads.get(lower[i], head)  # the last head word before the phrase ends is its head
        if head:
            return head
    if 1 < first and end < len(words) and words[first - 1] == words[end] == ",":
        head = heads.get(lower[first - 2])  # "a high-coverage German resource, DERIVBASE, mapping ..."
        if head:
            return head
    before = first - 1
    while before > 0 and words[before] in _QUOTES:
        before -= 1
    if before > 0 and lower[before] == "as":
        before -= 1
    if before > 0 and lower[before] in naming:
        return heads.get(lower[before - 1].rstrip(","))
    if before > 0 and lower[before] in heads and lower[before - 1] in _ARTICLES:  # "we propose a method SU4MT"
        return heads[lower[before]]
    return None


def head_types(cues: dict) -> dict[str, list[str]]:
    """Head word -> entity types it can end, in :data:`TYPE_ORDER`."""
    heads: dict[str, list[str]] = {}
    for type_ in TYPE_ORDER:
        for word in cues["heads"][type_]:
            heads.setdefault(word, []).append(type_)
    return heads



def appositive_heads(cues: dict) -> dict[str, str]:
    """Head word of a describing phrase -> the type it gives the name (``cues.json`` ``appositive_heads``)."""
    return {word: type_ for type_, words in cues["appositive_heads"].items() for word in words}
