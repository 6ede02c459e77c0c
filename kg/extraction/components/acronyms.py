"""``kg_acronyms``: ``Long Form (LF)`` definitions and the later uses of ``LF``."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extraction.components.doc_tables import (ACRONYM, TYPE_ORDER, add_span, appositive_heads, described_type,
                                                 head_types, positions, tokens)
from kg.extraction.lexicon import is_case_sensitive, load
from kg.model import NEW_ROLES


_LONG_FORM_BREAKS = {",", ";", ":", "(", ")", "[", "]", ".", "\"", "!", "?"}
_INITIAL_SKIP = {"of", "and", "for", "the", "in", "on", "with", "to", "a", "an", "via", "by"}


def long_form_start(short: str, long: str) -> int | None:
    """Where in ``long`` the long form of ``short`` begins: word initials first, else Schwartz & Hearst.

    >>> text = "we study the Latent Label Shift"
    >>> text[long_form_start("LLS", text):]
    'Latent Label Shift'
    """
    start = _initials_start(short, long)
    return start if start is not None else _schwartz_hearst_start(short, long)


def _short_form_end(table, paren: int) -> int | None:
    """The closing parenthesis of ``(LLS)`` or of a short form written as one word of a few tokens
    (``(3D-GS)``, ``(Re-ID)``: spaCy splits at the dash), else None."""
    for close in range(paren + 2, min(paren + 6, len(table))):
        if table.words[close] == ")":
            return close
        if table.space[close - 1]:
            return None
    return None


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
    """Schwartz & Hearst (2003): match the short form's characters right to left; the first one opens a
    word, or is the x of a word opening with "ex" (``Extreme Multi-label Text Classification (XMTC)``).

    >>> text = "Extreme Multi-label Text Classification"
    >>> text[_schwartz_hearst_start("XMTC", text):]
    'Extreme Multi-label Text Classification'
    """
    s, pos = len(short) - 1, len(long) - 1
    while s >= 0:
        char = short[s].lower()
        if not char.isalnum():
            s -= 1
            continue
        while pos >= 0 and (long[pos].lower() != char or s == 0 and not _opens_word(long, pos)):
            pos -= 1
        if pos < 0:
            return None
        pos -= 1
        s -= 1
    return long.rfind(" ", 0, pos + 1) + 1


def _opens_word(text: str, pos: int) -> bool:
    """The character at ``pos`` opens a word, or is the x of "ex" opening one (eXtreme, eXplainable)."""
    if pos > 0 and text[pos - 1].isalnum():
        return text[pos] in "xX" and text[pos - 1] in "eE" and (pos == 1 or not text[pos - 2].isalnum())
    return True


@Language.factory("kg_acronyms")
class AcronymFinder:
    """``Long Form (LF)`` definitions, typed by lexicon or head word, and later uses of ``LF``."""

    def __init__(self, nlp: Language, name: str):
        self.resources = load()
        self.head_types = head_types(self.resources.cues)
        self.described_heads = appositive_heads(self.resources.cues)
        self.naming = set(self.resources.cues["naming_words"])
        self.task_ends = set(self.resources.cues["task_phrase_ends"])
        self.metric_ends = set(self.resources.cues["metric_long_form_heads"])
        self.component_heads = set(self.resources.cues["acronym_component_heads"])

    def __call__(self, doc: Doc) -> Doc:
        defined: dict[str, dict[str, tuple[str, str, int]]] = {}  # first token -> short form -> its reading
        inside: set[int] = set()
        table = tokens(doc)
        words = table.words
        for paren in positions(words, "("):
            close = _short_form_end(table, paren)
            if close is None:
                continue
            short = table.span_text(paren + 1, close)
            found = self._definition(doc, paren, close + 1, short)
            if found:
                first, type_, canonical = found
                end = close + 1
                if end < len(words) and type_ in self.head_types.get(table.lower[end], ()):
                    end += 1
                add_span(doc, type_, first, end, "acronym", canonical)
                # the short form alone too, for when a longer phrase wins over the definition ("unsupervised
                # word sense induction (WSI)"): else its name shape would type it a method
                add_span(doc, type_, paren + 1, close, "acronym_ref", canonical)
                # by its first token: a short form spaCy splits ("3D-GS") is found from there, whole
                defined.setdefault(words[paren + 1], {})[short] = (type_, canonical, close - paren - 1)
                inside.update(range(first, end))
        for i in [i for i, word in enumerate(words) if word in defined] if defined else ():
            for short, (type_, canonical, width) in defined[words[i]].items():
                if i not in inside and table.span_text(i, i + width) == short \
                        and (i + width == len(words) or table.space[i + width - 1] or table.is_punct(i + width)):
                    add_span(doc, type_, i, i + width, "acronym_ref", canonical)
        return doc

    @staticmethod
    def _spells(entry, long: str) -> bool:
        """The long form shares a word with one of the entry's names, as a definition of the lexicon's
        own abbreviation would (``Matthews correlation coefficient`` is no ``measurable correlates of
        consciousness``)."""
        words = {w for w in re.findall(r"[a-z]+", long.lower()) if len(w) > 2}
        return any(words & set(re.findall(r"[a-z]+", form.lower())) for form in [entry.name, *entry.aliases])

    def _last_word(self, table, first: int, paren: int) -> str:
        """The long form's last word, rejoined when a line break split it with a hyphen (``short-text
        catego-rization (STC)``) and the whole is a head word."""
        last = table.lower[paren - 1]
        if paren - 3 >= first and table.words[paren - 2] == "-" and not table.space[paren - 3] \
                and not table.space[paren - 2]:
            joined = table.lower[paren - 3] + last
            if joined in self.head_types or joined in self.task_ends or joined in self.metric_ends:
                return joined
        return last

    def _component_type(self, table, after: int) -> str | None:
        """``the Reward Difference Prediction (RDP) objective``: a component word right after the definition
        makes it a method, whatever its long form's last word says."""
        return "method" if after < len(table) and table.lower[after] in self.component_heads else None

    def _definition(self, doc: Doc, paren: int, after: int, short: str) -> tuple[int, str, str] | None:
        if not ACRONYM.match(short) or self.resources.is_generic(short):
            return None
        # the token table, not Token and Span objects (making them cost more than the rule): its lower-case
        # words are Token.lower_ but for whitespace tokens, which no word list holds and no break is
        table = tokens(doc)
        window = max(table.sentence_start(paren), paren - min(len(short) + 5, 2 * len(short)))
        if window >= paren:
            return None
        base = table.starts[window]
        offset = long_form_start(short, table.tokenized_text(window, paren))
        if offset is None:
            return None
        first = next((i for i in range(window, paren) if table.starts[i] - base >= offset), None)
        while first is not None and first < paren and table.lower[first] in self.resources.stopwords \
                and table.lower[first][:1] != short[:1].lower():  # "named" spells the N of NER: it stays
            first += 1
        if first is None or first >= paren or any(w in _LONG_FORM_BREAKS for w in table.words[first:paren]):
            return None
        stop = paren - 1 if table.words[paren - 1] == "*" and paren - 1 > first else paren
        long = table.tokenized_text(first, stop)  # "called *entity-centric ... generation* (ECQG)": no * in it
        entry = self.resources.lookup_any(short) if is_case_sensitive(short) else None
        if entry and not self._spells(entry, long):
            entry = None  # "measurable correlates of consciousness (MCC)" is not the lexicon's MCC
        entry = entry or self.resources.lookup_any(long)
        if entry:
            return first, entry.type, entry.name
        last = self._last_word(table, first, stop)
        if last != table.tokenized_text(stop - 1, stop).lower():  # a word a line break split: named whole
            long = table.tokenized_text(first, stop - 2) + table.tokenized_text(stop - 1, stop)
        type_ = described_type(table, first, after, self.described_heads, self.naming) or \
            self._component_type(table, after) or ("task" if last in self.task_ends else "metric" if last in self.metric_ends else None) or \
            next((t for t in TYPE_ORDER if t in self.head_types.get(last, ())), "method")
        return first, type_, short if type_ in NEW_ROLES else long

