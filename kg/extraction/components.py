"""spaCy components of the extraction pipeline, registered by name.

Each finder appends :class:`Candidate` records to ``doc.user_data["kg_candidates"]``;
``kg_select`` keeps the best non-overlapping ones, ``kg_non_names`` drops those that
name nothing, and ``kg_roles`` decides the paper's role towards each (proposes, uses,
evaluates_on ...).
The words these rules look for are data files read by :mod:`kg.extraction.lexicon`.
"""
from __future__ import annotations

import operator
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.attrs import IDX, LENGTH, SPACY
from spacy.tokens import Doc

from kg.extraction.lexicon import is_case_sensitive, load, name_key, read_json
from kg.extraction.urls import canonical_url, find_urls
from kg.model import DEFAULT_ROLES, NEW_ROLES


# Which finder wins when two candidates of equal length overlap.
PRIORITY = {"url": 9, "title_name": 6, "acronym": 5, "lexicon": 4, "acronym_ref": 4,
            "cue_phrase": 3, "task_phrase": 3, "name_shape": 1}
# Short forms in parentheses: two or more characters, at least one capital ("LLS", "cMIM", "Re-ID").
_ACRONYM = re.compile(r"^(?=.*[A-Z])(?=(?:.*[A-Za-z]){2})[A-Za-z][\w\-+./]{0,11}$")
_LONG_FORM_BREAKS = {",", ";", ":", "(", ")", "[", "]", ".", "\"", "!", "?"}
TYPE_ORDER = ("dataset", "metric", "task", "method")
_SENTENCE_END = {".", "!", "?", "...", "\u2026"}
_CLOSERS = {")", "]", "}", "\"", "'", "\u201d", "\u2019"}
_ALNUM = re.compile(r"[^\W_]")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
# Where a name shape may be: a capital after a word character, a capital word with a digit, a dash.
_NAME_HINT = re.compile(r"[A-Z0-9\-\u2010-\u2014]")  # one character class: alternations are slow
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")  # "(POS)" inside a phrase is no part of its name
_NUMBER = re.compile(r"^[+\-\u00b1]?[\d.,%]+$")
# A release after a dataset name: "CTB 6.0", "FrameNet 1.5", "DUC 2004" (a year, not any number: "MNIST 10").
_VERSION = re.compile(r"^(?:v?\d+\.\d+|(?:19|20)\d\d)$")
_DASHES = {"-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014"}
# How far before a propose verb its subject may be ("in this work , we further propose").
SUBJECT_REACH = 4
# How far after the verb its object may start ("we propose a simple yet very effective FooNet").
OBJECT_REACH = 8


@dataclass
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
        # Doc.text re-joins every token on each access; the extractor hands over the original text.
        self.text = doc.user_data.get("text") or doc.text
        columns = doc.to_array([IDX, LENGTH, SPACY]).T.tolist() if len(doc) else [[], [], []]
        self.starts: list[int] = columns[0]
        self.ends: list[int] = list(map(operator.add, columns[0], columns[1]))
        self.words: list[str] = list(map(self.text.__getitem__, map(slice, self.starts, self.ends)))
        self.lower: list[str] = list(map(str.lower, self.words))
        self.space: list[int] = columns[2]  # 1 when whitespace follows the token
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

    def is_punct(self, i: int) -> bool:
        return _ALNUM.search(self.words[i]) is None

    def is_name_token(self, i: int) -> bool:
        """Part of a proper name: a digit, an inner capital, or a capital not explained by sentence start."""
        word = self.words[i]
        return _DIGIT.search(word) is not None or word[1:] != word[1:].lower() \
            or (word[:1].isupper() and self.sentence_start(i) != i)


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
    candidates(doc).append(Candidate(type_, table.starts[i], table.ends[j - 1], i, j, source, canonical))


def looks_like_name(text: str) -> bool:
    """Model-name shape: an inner capital (``ResNet``, ``CLIP``, ``cMIM``) or capital plus digit (``Llama-2``).

    >>> [looks_like_name(w) for w in ("ResNet", "GPT-4o", "Llama-2", "Transformer", "3D", "model", "NP")]
    [True, True, True, False, False, False, False]
    """
    if not text[:1].isalnum() or text[1:] == text[1:].lower() and not (text[0].isupper() and _DIGIT.search(text)):
        return False
    letters = sum(c.isalpha() for c in text)
    return letters >= 2 and not (letters <= 2 and text.isalpha() and text.isupper())


def glued_word_around(table: Tokens, i: int) -> tuple[int, int]:
    """``(first, end)`` of the word around token ``i`` written without spaces and joined by dashes
    (``GraphFormer-XL`` is three tokens)."""
    words, space = table.words, table.space

    def joins(dash: int) -> bool:
        return 0 < dash < len(words) - 1 and words[dash] in _DASHES and not space[dash - 1] \
            and not space[dash] and words[dash - 1][:1].isalnum() and words[dash + 1][:1].isalnum()

    first, end = i, i + 1
    if words[i] in _DASHES:
        if not joins(i):
            return i, i
        first, end = i - 1, i + 2
    while joins(first - 1):
        first -= 2
    while joins(end):
        end += 2
    return first, end


@Language.component("kg_urls")
def find_url_candidates(doc: Doc) -> Doc:
    """Code repositories and other links, canonicalised (``https://github.com/OWNER/REPO``)."""
    table = tokens(doc)
    text, token_starts = table.text, table.starts
    spans = list(find_urls(text))
    if not spans:
        return doc
    for start, end in spans:
        type_, kind, url = canonical_url(text[start:end])
        first = max(bisect_right(token_starts, start) - 1, 0)
        candidates(doc).append(Candidate(type_, start, end, first, bisect_left(token_starts, end), "url", url,
                                         kind=kind))
    return doc


@Language.factory("kg_lexicon")
class LexiconMatcher:
    """Known methods, datasets, tasks and metrics from the lexicon files (PhraseMatcher)."""

    def __init__(self, nlp: Language, name: str):
        resources = load()
        self.entries = resources.entries
        self.needs_metric_context = set(resources.cues["metrics_needing_context"])
        self.score_words = set(resources.cues["metric_score_words"])
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
        """``BLEU and NIST``, ``NIST, BLEU``, ``the NIST score``: another metric or a score word next to it."""
        near = {i - 2, i - 1, j, j + 1}
        return bool(near & metric_tokens) or (j < len(table) and table.lower[j] in self.score_words)


_INITIAL_SKIP = {"of", "and", "for", "the", "in", "on", "with", "to", "a", "an", "via", "by"}


def long_form_start(short: str, long: str) -> int | None:
    """Where in ``long`` the long form of ``short`` begins: word initials first, else Schwartz & Hearst.

    >>> text = "we study the Latent Label Shift"
    >>> text[long_form_start("LLS", text):]
    'Latent Label Shift'
    """
    start = _initials_start(short, long)
    return start if start is not None else _schwartz_hearst_start(short, long)


def _initials_start(short: str, long: str) -> int | None:
    """The shortest tail of ``long`` whose word initials (hyphen parts too) spell ``short``'s letters."""
    letters = [c.lower() for c in short if c.isalpha()]
    words = [(m.start(), m.group()) for m in re.finditer(r"[^\W_]+", long)]
    initials: list[str] = []
    for start, word in reversed(words):
        if word.lower() in _INITIAL_SKIP:
            continue
        initials.insert(0, word[0].lower())
        if initials != letters[-len(initials):]:
            return None
        if len(initials) == len(letters):
            return start
    return None


def _schwartz_hearst_start(short: str, long: str) -> int | None:
    """Schwartz & Hearst (2003): match the short form's characters right to left."""
    s, pos = len(short) - 1, len(long) - 1
    while s >= 0:
        char = short[s].lower()
        if not char.isalnum():
            s -= 1
            continue
        while pos >= 0 and (long[pos].lower() != char or (s == 0 and pos > 0 and long[pos - 1].isalnum())):
            pos -= 1
        if pos < 0:
            return None
        pos -= 1
        s -= 1
    return long.rfind(" ", 0, pos + 1) + 1


@Language.factory("kg_acronyms")
class AcronymFinder:
    """``Long Form (LF)`` definitions, typed by lexicon or head word, and later uses of ``LF``."""

    def __init__(self, nlp: Language, name: str):
        self.resources = load()
        self.head_types = _head_types(self.resources.cues)

    def __call__(self, doc: Doc) -> Doc:
        defined: dict[str, tuple[str, str]] = {}
        inside: set[int] = set()
        table = tokens(doc)
        words = table.words
        for paren in [i for i, word in enumerate(words) if word == "("]:
            if paren + 2 >= len(words) or words[paren + 2] != ")":
                continue
            short = words[paren + 1]
            found = self._definition(doc, paren, short)
            if found:
                first, type_, canonical = found
                end = paren + 3
                if end < len(words) and type_ in self.head_types.get(table.lower[end], ()):
                    end += 1
                add_span(doc, type_, first, end, "acronym", canonical)
                defined[short] = (type_, canonical)
                inside.update(range(first, end))
        if defined:
            for i, word in enumerate(words):
                if word in defined and i not in inside:
                    type_, canonical = defined[word]
                    add_span(doc, type_, i, i + 1, "acronym_ref", canonical)
        return doc

    def _definition(self, doc: Doc, paren: int, short: str) -> tuple[int, str, str] | None:
        if not _ACRONYM.match(short) or self.resources.is_generic(short):
            return None
        window = max(tokens(doc).sentence_start(paren), paren - min(len(short) + 5, 2 * len(short)))
        if window >= paren:
            return None
        base = doc[window].idx
        offset = long_form_start(short, doc[window:paren].text)
        if offset is None:
            return None
        first = next((t.i for t in doc[window:paren] if t.idx - base >= offset), None)
        while first is not None and first < paren and doc[first].lower_ in self.resources.stopwords \
                and doc[first].lower_[:1] != short[:1].lower():  # "named" spells the N of NER: it stays
            first += 1
        if first is None or first >= paren or any(t.text in _LONG_FORM_BREAKS for t in doc[first:paren]):
            return None
        long = doc[first:paren].text
        entry = self.resources.lookup_any(short) if is_case_sensitive(short) else None
        entry = entry or self.resources.lookup_any(long)
        if entry:
            return first, entry.type, entry.name
        type_ = next((t for t in TYPE_ORDER if t in self.head_types.get(doc[paren - 1].lower_, ())), "method")
        return first, type_, short if type_ in NEW_ROLES else long


def _head_types(cues: dict) -> dict[str, list[str]]:
    """Head word -> entity types it can end, in :data:`TYPE_ORDER`."""
    heads: dict[str, list[str]] = {}
    for type_ in TYPE_ORDER:
        for word in cues["heads"][type_]:
            heads.setdefault(word, []).append(type_)
    return heads


@Language.factory("kg_cues")
class CuePhrases:
    """Noun phrases ending in a cue word: ``CUB-200-2011 dataset``, ``person search``, ``top-1 accuracy``.

    Without a tagger, a phrase is the run of words before the head up to a
    stop word, punctuation or a lexicon match of another type.
    """

    MAX_MODIFIERS = {"dataset": 6, "task": 4, "method": 4, "metric": 2}
    MAX_OF_WORDS = 3  # "retrieval of arbitrarily long phrases"; longer of-phrases are mostly clauses

    def __init__(self, nlp: Language, name: str):
        self.resources = load()
        cues = self.resources.cues
        self.stop = self.resources.stopwords
        self.head_types = _head_types(cues)
        self.drop_heads = set(cues["drop_heads"])
        self.bare = {t: set(words) for t, words in cues["bare_heads"].items()}
        self.task_ends = set(cues["task_phrase_ends"])
        self.kept_task_ends = set(cues["task_phrase_kept_ends"])
        self.competition_words = set(cues["competition_task_words"])
        self.rate_words = set(cues["metric_rate_words"])
        self.generic_heads = set(cues["generic_method_heads"])
        self.metric_modifiers = set(cues["metric_modifiers"])
        self.cue_words = self.task_ends | set(self.head_types)

    def __call__(self, doc: Doc) -> Doc:
        lexicon_types = {i: c.type for c in candidates(doc) if c.source == "lexicon"
                         for i in range(c.first_token, c.end_token)}
        table = tokens(doc)
        cue_words = self.cue_words
        for i in [i for i, low in enumerate(table.lower) if low in cue_words]:
            low = table.lower[i]
            if low in self.task_ends:
                self._task_phrase(doc, i, lexicon_types)
            types = self.head_types.get(low)
            if not types or self._head_continues(table, i):
                continue
            for type_ in types:
                if self._phrase(doc, i, type_, lexicon_types):
                    break
        return doc

    def _head_continues(self, table: Tokens, i: int) -> bool:
        """``speech recognition systems``: only the last head word of a compound starts a phrase."""
        return i + 1 < len(table) and table.space[i] and table.lower[i + 1] in self.head_types

    def _modifiers_start(self, doc: Doc, head: int, type_: str, lexicon_types: dict[int, str]) -> int:
        """First token of the modifier run before ``doc[head]`` (``Chinese-to-English`` stays whole)."""
        table = tokens(doc)
        sent_start, first, words = table.sentence_start(head), head, 0
        glue = "-/" if type_ == "dataset" else "-"
        while first > sent_start and words < self.MAX_MODIFIERS[type_]:
            prev = first - 1
            glued = not table.space[prev] and table.words[first] in glue and first < head
            if self._acronym_before(table, prev, sent_start, type_):  # part-of-speech (POS) tagging
                first -= 3
                continue
            if table.is_punct(prev):
                if not (table.words[prev] in glue and prev - 1 >= sent_start and not table.space[prev - 1]):
                    break
            elif (table.lower[prev] in self.stop and not glued and not self._after_dash(table, prev, glue)) \
                    or lexicon_types.get(prev, type_) != type_ \
                    or (type_ != "dataset" and _NUMBER.match(table.words[prev])):
                break
            elif not self._after_dash(table, prev, glue):  # a hyphenated compound (low-level) is one word
                words += 1
            first -= 1
        while first < head and (table.is_punct(first) or table.lower[first] in self.stop
                                and not (not table.space[first] and table.words[first + 1] in glue)):
            first += 1
        return first

    def _acronym_before(self, table: Tokens, close: int, sent_start: int, type_: str) -> bool:
        """``(POS)`` ending at token ``close``, defined by the words before it; not after a head word of another
        type, which ends a name of its own (``language models (LLMs) possess ... understanding``)."""
        return table.words[close] == ")" and close - 3 >= sent_start and table.words[close - 2] == "(" \
            and _ACRONYM.match(table.words[close - 1]) is not None and not table.is_punct(close - 3) \
            and type_ in self.head_types.get(table.lower[close - 3], (type_,))

    @staticmethod
    def _joins(table: Tokens, i: int) -> bool:
        """A dash inside a word: ``non-rigid``."""
        return table.words[i] in _DASHES and not table.space[i - 1] and not table.space[i]

    def _after_dash(self, table: Tokens, i: int, glue: str) -> bool:
        """``based`` in ``rule-based``, ``level`` in ``low-level``: a word dash-joined to the word before it
        is part of a compound, unless both are stop words (``the-art`` in ``state-of-the-art``)."""
        return i >= 2 and table.words[i - 1] in glue and not table.space[i - 1] and not table.space[i - 2] \
            and not (table.lower[i - 2] in self.stop and table.lower[i] in self.stop)

    def _phrase(self, doc: Doc, head: int, type_: str, lexicon_types: dict[int, str]) -> bool:
        table = tokens(doc)
        first = self._modifiers_start(doc, head, type_, lexicon_types)
        head_word = table.lower[head]
        if type_ == "dataset":
            while first < head and not table.is_name_token(first):
                first += 1
            if not self._has_proper_name(doc, first, head):
                return False
        end = self._of_phrase_end(table, head, lexicon_types) if type_ == "task" else head + 1
        if type_ != "dataset" and first == head and end == head + 1 and head_word not in self.bare.get(type_, ()):
            return False  # a bare head is too vague, unless an of-phrase says what of (retrieval of long phrases)
        if type_ == "metric":
            first = self._metric_modifiers_start(table, first, head, lexicon_types)
            if not self._metric_ok(table, first, head, lexicon_types):
                return False
        mods, span = table.span_text(first, head), table.span_text(first, end)
        canonical = _PARENTHESIS.sub("", mods if head_word in self.drop_heads else span)
        if type_ == "method" and head_word in self.generic_heads and mods:
            entry = self.resources.lookup_any(mods)
            canonical = entry.name if entry else mods if looks_like_name(mods) else canonical
        if self.resources.is_generic(canonical) or self.resources.is_generic(span) or not _LETTER.search(canonical):
            return False
        add_span(doc, type_, first, end, "cue_phrase", canonical)
        return True

    def _of_phrase_end(self, table: Tokens, head: int, lexicon_types: dict[int, str]) -> int:
        """``detection of abnormal behaviours``: a task head takes a short ``of`` phrase that ends by itself
        (at a stop word, punctuation or the sentence end), else it ends at the head."""
        of, limit = head + 1, min(head + 2 + 2 * self.MAX_OF_WORDS, table.sentence_end(table.sentence_of[head]))
        if of >= limit or table.lower[of] != "of":
            return head + 1
        end = of + 1
        while end < limit and not (table.is_punct(end) and not self._joins(table, end)
                                   or table.lower[end] in self.stop or end in lexicon_types):
            end += 1
        stopped = end < len(table) and (table.is_punct(end) or table.lower[end] in self.stop)
        words = sum(not self._joins(table, i) for i in range(of + 1, end))
        return end if 0 < words <= self.MAX_OF_WORDS and stopped else head + 1

    def _has_proper_name(self, doc: Doc, first: int, head: int) -> bool:
        """A dataset phrase needs a name that is not a language: ``Europarl data``, not ``Chinese text corpus``;
        in a Title Case title (``Implicit Feedback Data``) capitals prove nothing, so it needs a name shape."""
        table = tokens(doc)
        title_case = doc.user_data.get("field") == "title" and table.words[head][:1].isupper()
        return any((looks_like_name(table.words[i]) if title_case else table.is_name_token(i))
                   and table.lower[i] not in self.resources.languages for i in range(first, head))

    def _shared_task(self, doc: Doc, end: int, lexicon_types: dict[int, str]) -> None:
        """``the CoNLL 2008 shared task``: a competition, named like a dataset (years allowed), kept whole."""
        table = tokens(doc)
        first = self._modifiers_start(doc, end - 1, "dataset", lexicon_types)
        while first < end - 1 and not table.is_name_token(first):
            first += 1
        if first < end - 1:
            text = table.span_text(first, end + 1)
            add_span(doc, "task", first, end + 1, "task_phrase", text)

    def _names_a_task(self, table: Tokens, first: int, end: int) -> bool:
        """One word before ``task`` is mostly an adjective (``binary task``, ``semantic tasks``): keep it
        only when it is a name (``WSD task``), a task noun (``categorization task``) or a gerund (``ranking``)."""
        word = table.lower[first]
        return end - first > 1 or table.is_name_token(first) or word in self.head_types or word.endswith("ing")

    def _metric_modifiers_start(self, table: Tokens, first: int, head: int, lexicon_types: dict[int, str]) -> int:
        """A metric name as head (``BLEU``, ``accuracy``) keeps only name-like, hyphenated or known metric
        modifiers: ``labeled F1``, ``IBM-BLEU``, ``sub-voxel precision``, but ``accuracy`` out of
        ``improving classification accuracy``."""
        if lexicon_types.get(head) != "metric":
            return first
        while first < head and not (table.is_name_token(first) or table.lower[first] in self.metric_modifiers
                                    or (not table.space[first] and table.words[first + 1] in _DASHES)):
            first += 1
        return first

    def _metric_ok(self, table: Tokens, first: int, head: int, lexicon_types: dict[int, str]) -> bool:
        head_word = table.lower[head]
        if head_word in ("rate", "rates"):
            return first < head and table.lower[head - 1] in self.rate_words
        if head_word in ("score", "scores"):  # "BLEU score" is BLEU: the lexicon match is the mention
            return any(table.is_name_token(i) for i in range(first, head)) \
                and any(lexicon_types.get(i) != "metric" for i in range(first, head))
        if head_word == "correlation":
            return first < head
        return True

    def _task_phrase(self, doc: Doc, end: int, lexicon_types: dict[int, str]) -> None:
        """``the person search task`` -> ``person search``; the mention keeps a singular ``task``."""
        table = tokens(doc)
        if end > 0 and table.lower[end - 1] in self.competition_words:
            self._shared_task(doc, end, lexicon_types)
            return
        first = self._modifiers_start(doc, end, "task", lexicon_types)
        text = table.span_text(first, end)
        if first < end and not self.resources.is_generic(text) and self._names_a_task(table, first, end):
            kept = table.lower[end] in self.kept_task_ends
            add_span(doc, "task", first, end + kept, "task_phrase", text)


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
        hinted = sorted({bisect_right(starts, m.start()) - 1 for m in _NAME_HINT.finditer(table.text)})
        # A name has a capital after its first letter, a capital and a digit, or is joined by a dash.
        seeds = [i for i in hinted if words[i][1:] != lower[i][1:] or words[i] in _DASHES
                 or (words[i][:1] != lower[i][:1] and _DIGIT.search(words[i]))]
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
        if _NUMBER.match(table.words[cand.first_token]) and " " in text and text == text.lower():
            return False  # a count before common words: "16 evaluation (datasets)", "10 public"
        head, dash, last = text.rpartition("-")
        if not dash or " " in text:
            return True
        if last.lower() in self.name_suffixes and head != head.lower():
            cand.canonical = head
            return True
        return last.lower() not in self.adjective_ends | self.name_suffixes


@Language.factory("kg_roles")
class RoleAssigner:
    """Proposes/introduces for the paper's own new names (the title name, the object right after
    ``we propose``, ``called X``); defaults otherwise.

    A lexicon name or a lower-case description (``a joint learning framework``) is not proposed: the
    first is an existing method, the second names nothing another paper could use.
    """

    def __init__(self, nlp: Language, name: str):
        self.resources = load()
        cues = self.resources.cues
        self.verbs = set(cues["propose_verbs"])
        self.subjects = set(cues["propose_subjects"])
        self.naming = set(cues["naming_words"])
        self.dataset_heads = set(cues["heads"]["dataset"])
        rules = read_json("roles.json")
        self.breakers = set(rules["object_breakers"])
        self.hedges = set(rules["hedges_before_naming"])

    def __call__(self, doc: Doc) -> Doc:
        cands, table = candidates(doc), tokens(doc)
        by_sentence: dict[int, list[Candidate]] = {}
        for cand in cands:
            by_sentence.setdefault(table.sentence_of[cand.first_token], []).append(cand)
        for index, sent_cands in by_sentence.items():
            self._sentence_roles(table, index, sent_cands)
        new = {(c.type, name_key(c.canonical)) for c in cands if c.role in NEW_ROLES.values()}
        for cand in cands:
            if cand.role is None:
                is_new = bool(new) and cand.type in NEW_ROLES and (cand.type, name_key(cand.canonical)) in new
                cand.role = NEW_ROLES[cand.type] if is_new else DEFAULT_ROLES[cand.type]
        return doc

    def _sentence_roles(self, table: Tokens, index: int, cands: list[Candidate]) -> None:
        for cand in cands:
            if self._named(table, cand.first_token):
                self._propose(table, cand)
        start, end = table.sentence_first[index], table.sentence_end(index)
        verb = self._proposing_verb(table, start, end)
        proposed = self._object(table, verb, cands) if verb is not None else None
        if proposed is None:
            return
        if proposed.type == "method" and proposed.source in ("name_shape", "acronym") and any(
                w in self.dataset_heads for w in table.lower[verb:min(proposed.end_token + 3, end)]):
            proposed.type = "dataset"
        if not self._propose(table, proposed):
            self._propose(table, self._apposition(table, proposed, cands))

    def _named(self, table: Tokens, first: int) -> bool:
        """``called X``, ``termed X`` (a word may come between), but not ``so-called X`` or ``also called X``."""
        lower = table.lower
        naming = next((i for i in range(first - 1, max(first - 3, -1), -1) if lower[i] in self.naming), None)
        if naming is None:
            return False
        before = [w for w in lower[max(naming - 2, 0):naming] if w not in _DASHES]
        return not (before and before[-1] in self.hedges)

    def _propose(self, table: Tokens, cand: Candidate | None) -> bool:
        """Mark a new method or dataset, unless it is a lexicon name or a lower-case description."""
        if cand is None or cand.type not in NEW_ROLES or cand.source == "lexicon":
            return False
        text = table.text[cand.start:cand.end]
        if text == text.lower() or self.resources.lookup(cand.type, cand.canonical):
            return False
        cand.role = NEW_ROLES[cand.type]
        return True

    def _proposing_verb(self, table: Tokens, start: int, end: int) -> int | None:
        """Index of the first ``propose``-like verb with ``we``/``our``/``this paper`` just before it."""
        for i in range(start, end):
            if table.lower[i] in self.verbs and any(
                    w in self.subjects for w in table.lower[max(start, i - SUBJECT_REACH):i]):
                return i
        return None

    def _object(self, table: Tokens, verb: int, cands: list[Candidate]) -> Candidate | None:
        """The first candidate after the verb if nothing but articles, adjectives or numbering come between."""
        cand = next((c for c in cands if c.first_token > verb), None)
        if cand is None or cand.first_token - verb > OBJECT_REACH:
            return None
        between = table.lower[verb + 1:cand.first_token]
        return None if any(w in self.breakers for w in between) else cand

    @staticmethod
    def _apposition(table: Tokens, described: Candidate, cands: list[Candidate]) -> Candidate | None:
        """The name right after a description: ``a fine-tuning method LEVI``, ``a new loss, FooLoss``."""
        after = next((c for c in cands if c.first_token >= described.end_token), None)
        if after is None or after.first_token - described.end_token > 1:
            return None
        return after if all(w in (",", "(") for w in table.words[described.end_token:after.first_token]) else None
