"""spaCy components of the extraction pipeline, registered by name.

Each finder appends :class:`Candidate` records to ``doc._.kg_candidates``;
``kg_select`` keeps the best non-overlapping ones and ``kg_roles`` decides the
paper's role towards each (proposes, uses, evaluates_on ...).
The words these rules look for are data files read by :mod:`kg.extraction.lexicon`.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.extraction.lexicon import is_case_sensitive, load, name_key
from kg.extraction.urls import canonical_url, find_urls

if not Doc.has_extension("kg_candidates"):
    Doc.set_extension("kg_candidates", default=None)

# Which finder wins when two candidates of equal length overlap.
PRIORITY = {"url": 9, "title_name": 6, "acronym": 5, "lexicon": 4, "acronym_ref": 4,
            "cue_phrase": 3, "task_phrase": 3, "name_shape": 1}
DEFAULT_ROLES = {"method": "uses", "dataset": "evaluates_on", "task": "addresses", "metric": "reports",
                 "repository": "has_code", "link": "links_to"}
NEW_ROLES = {"method": "proposes", "dataset": "introduces"}
# Short forms in parentheses: two or more characters, at least one capital ("LLS", "cMIM", "Re-ID").
_ACRONYM = re.compile(r"^(?=.*[A-Z])(?=(?:.*[A-Za-z]){2})[A-Za-z][\w\-+./]{0,11}$")
_LONG_FORM_BREAKS = {",", ";", ":", "(", ")", "[", "]", ".", "\"", "!", "?"}
TYPE_ORDER = ("dataset", "metric", "task", "method")


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
    if doc._.kg_candidates is None:
        doc._.kg_candidates = []
    return doc._.kg_candidates


def add_span(doc: Doc, type_: str, i: int, j: int, source: str, canonical: str) -> None:
    """Record tokens ``doc[i:j]`` as a candidate."""
    start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
    candidates(doc).append(Candidate(type_, start, end, i, j, source, canonical))


def looks_like_name(text: str) -> bool:
    """Model-name shape: an inner capital (``ResNet``, ``CLIP``, ``cMIM``) or capital plus digit (``Llama-2``).

    >>> [looks_like_name(w) for w in ("ResNet", "GPT-4o", "Llama-2", "Transformer", "3D", "model", "POS")]
    [True, True, True, False, False, False, False]
    """
    letters = sum(c.isalpha() for c in text)
    if not text[:1].isalnum() or letters < 2 or (text.isupper() and letters <= 3 and text.isalpha()):
        return False
    inner_upper = any(c.isupper() for c in text[1:])
    return inner_upper or (text[0].isupper() and any(c.isdigit() for c in text))


@Language.component("kg_urls")
def find_url_candidates(doc: Doc) -> Doc:
    """Code repositories and other links, canonicalised (``https://github.com/OWNER/REPO``)."""
    spans = list(find_urls(doc.text))
    if not spans:
        return doc
    token_starts = [t.idx for t in doc]
    for start, end in spans:
        type_, kind, url = canonical_url(doc.text[start:end])
        first = max(bisect_right(token_starts, start) - 1, 0)
        candidates(doc).append(Candidate(type_, start, end, first, bisect_left(token_starts, end), "url", url,
                                         kind=kind))
    return doc


@Language.factory("kg_lexicon")
class LexiconMatcher:
    """Known methods, datasets, tasks and metrics from the lexicon files (PhraseMatcher)."""

    def __init__(self, nlp: Language, name: str):
        self.entries = load().entries
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
        for match_id, i, j in [*self.exact(doc), *self.folded(doc)]:
            entry = self.entries[int(doc.vocab.strings[match_id])]
            add_span(doc, entry.type, i, j, "lexicon", entry.name)
        return doc


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
        for tok in doc:
            if tok.text != "(" or tok.i + 2 >= len(doc) or doc[tok.i + 2].text != ")":
                continue
            short = doc[tok.i + 1].text
            found = self._definition(doc, tok.i, short)
            if found:
                first, type_, canonical = found
                end = tok.i + 3
                if end < len(doc) and type_ in self.head_types.get(doc[end].lower_, ()):
                    end += 1
                add_span(doc, type_, first, end, "acronym", canonical)
                defined[short] = (type_, canonical)
                inside.update(range(first, end))
        if defined:
            for tok in doc:
                if tok.text in defined and tok.i not in inside:
                    type_, canonical = defined[tok.text]
                    add_span(doc, type_, tok.i, tok.i + 1, "acronym_ref", canonical)
        return doc

    def _definition(self, doc: Doc, paren: int, short: str) -> tuple[int, str, str] | None:
        if not _ACRONYM.match(short) or self.resources.is_generic(short):
            return None
        window = max(doc[paren].sent.start, paren - min(len(short) + 5, 2 * len(short)))
        if window >= paren:
            return None
        base = doc[window].idx
        offset = long_form_start(short, doc.text[base:doc[paren].idx].rstrip())
        if offset is None:
            return None
        first = next((t.i for t in doc[window:paren] if t.idx - base >= offset), None)
        while first is not None and first < paren and doc[first].lower_ in self.resources.stopwords:
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

    def __init__(self, nlp: Language, name: str):
        self.resources = load()
        cues = self.resources.cues
        self.stop = self.resources.stopwords
        self.head_types = _head_types(cues)
        self.drop_heads = set(cues["drop_heads"])
        self.bare = {t: set(words) for t, words in cues["bare_heads"].items()}
        self.task_ends = set(cues["task_phrase_ends"])
        self.rate_words = set(cues["metric_rate_words"])
        self.generic_heads = set(cues["generic_method_heads"])

    def __call__(self, doc: Doc) -> Doc:
        lexicon_types = {i: c.type for c in candidates(doc) if c.source == "lexicon"
                         for i in range(c.first_token, c.end_token)}
        for tok in doc:
            low = tok.lower_
            if low in self.task_ends:
                self._task_phrase(doc, tok, lexicon_types)
            types = self.head_types.get(low)
            if not types or self._head_continues(doc, tok):
                continue
            for type_ in types:
                if self._phrase(doc, tok, type_, lexicon_types):
                    break
        return doc

    def _head_continues(self, doc: Doc, tok) -> bool:
        """``speech recognition systems``: only the last head word of a compound starts a phrase."""
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        return nxt is not None and tok.whitespace_ != "" and nxt.lower_ in self.head_types

    def _modifiers_start(self, doc: Doc, head: int, type_: str, lexicon_types: dict[int, str]) -> int:
        """First token of the modifier run before ``doc[head]`` (``Chinese-to-English`` stays whole)."""
        sent_start, first, words = doc[head].sent.start, head, 0
        glue = "-/" if type_ == "dataset" else "-"
        while first > sent_start and words < self.MAX_MODIFIERS[type_]:
            prev = doc[first - 1]
            glued = not prev.whitespace_ and doc[first].text in glue and first < head
            if prev.is_punct:
                if not (prev.text in glue and first - 2 >= sent_start and not doc[first - 2].whitespace_):
                    break
            elif (prev.lower_ in self.stop and not glued) or lexicon_types.get(first - 1, type_) != type_ \
                    or (prev.like_num and type_ != "dataset") or prev.is_space:
                break
            else:
                words += 1
            first -= 1
        while first < head and (doc[first].is_punct or doc[first].lower_ in self.stop):
            first += 1
        return first

    def _phrase(self, doc: Doc, head, type_: str, lexicon_types: dict[int, str]) -> bool:
        first = self._modifiers_start(doc, head.i, type_, lexicon_types)
        mods = doc[first:head.i]
        if type_ == "dataset":
            while mods and not _is_name_token(mods[0]):
                mods = mods[1:]
            if not mods:
                return False
            first = mods.start
        elif not mods and head.lower_ not in self.bare.get(type_, ()):
            return False
        if type_ == "metric" and not self._metric_ok(head, mods):
            return False
        span = doc[first:head.i + 1]
        canonical = mods.text if head.lower_ in self.drop_heads else span.text
        if type_ == "method" and head.lower_ in self.generic_heads:
            entry = self.resources.lookup_any(mods.text) if len(mods) else None
            canonical = entry.name if entry else canonical
        if self.resources.is_generic(canonical) or self.resources.is_generic(span.text):
            return False
        add_span(doc, type_, first, head.i + 1, "cue_phrase", canonical)
        return True

    def _metric_ok(self, head, mods) -> bool:
        if head.lower_ in ("rate", "rates"):
            return bool(mods) and mods[-1].lower_ in self.rate_words
        if head.lower_ in ("score", "scores"):
            return any(_is_name_token(t) for t in mods)
        if head.lower_ == "correlation":
            return bool(mods)
        return True

    def _task_phrase(self, doc: Doc, tok, lexicon_types: dict[int, str]) -> None:
        """``the person search task`` -> ``person search``."""
        first = self._modifiers_start(doc, tok.i, "task", lexicon_types)
        if first < tok.i and not self.resources.is_generic(doc[first:tok.i].text):
            add_span(doc, "task", first, tok.i, "task_phrase", doc[first:tok.i].text)


def _is_name_token(tok) -> bool:
    """Part of a proper name: a digit, an inner capital, or a capital not explained by sentence start."""
    text = tok.text
    return any(c.isdigit() for c in text) or any(c.isupper() for c in text[1:]) \
        or (text[:1].isupper() and not tok.is_sent_start)


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

    def __call__(self, doc: Doc) -> Doc:
        if doc.user_data.get("field") == "title":
            self._title_name(doc)
        shouting = sum(c.isupper() for c in doc.text) > 0.5 * sum(c.isalpha() for c in doc.text)
        if shouting:
            return doc
        for tok in doc:
            if looks_like_name(tok.text) and not self.resources.is_generic(tok.text):
                type_ = "dataset" if self._in_dataset_list(doc, tok.i) else "method"
                add_span(doc, type_, tok.i, tok.i + 1, "name_shape", tok.text)
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

    def _in_dataset_list(self, doc: Doc, i: int) -> bool:
        """Walk left over a list of names; a list after ``on``/``across`` names datasets."""
        sent_start = doc[i].sent.start
        lexicon_datasets = {i for c in candidates(doc) if c.source == "lexicon" and c.type == "dataset"
                            for i in range(c.first_token, c.end_token)}
        j = i
        while j > sent_start:
            prev = doc[j - 1]
            if j - 1 in lexicon_datasets:
                return True
            if prev.text in (",", "and", "or") or looks_like_name(prev.text) or prev.is_title:
                j -= 1
                continue
            break
        if j == sent_start or doc[j - 1].lower_ not in self.list_cues:
            return False
        return j < 2 or doc[j - 2].lower_ not in self.blockers


@Language.component("kg_select")
def select_candidates(doc: Doc) -> Doc:
    """Keep the best non-overlapping candidates (URL, then longest, then most trusted rule)."""
    taken: list[tuple[int, int]] = []
    kept = []
    for cand in sorted(candidates(doc), key=lambda c: c.rank, reverse=True):
        if all(cand.end <= s or cand.start >= e for s, e in taken):
            taken.append((cand.start, cand.end))
            kept.append(cand)
    doc._.kg_candidates = sorted(kept, key=lambda c: c.start)
    return doc


@Language.factory("kg_roles")
class RoleAssigner:
    """Proposes/introduces for what ``we propose X``, ``called X`` or the title name; defaults otherwise."""

    def __init__(self, nlp: Language, name: str):
        cues = load().cues
        self.verbs = set(cues["propose_verbs"])
        self.subjects = set(cues["propose_subjects"])
        self.naming = set(cues["naming_words"])
        self.dataset_heads = set(cues["heads"]["dataset"])

    def __call__(self, doc: Doc) -> Doc:
        cands = candidates(doc)
        for sent in doc.sents:
            self._sentence_roles(doc, sent, [c for c in cands if sent.start <= c.first_token < sent.end])
        new = {(c.type, name_key(c.canonical)) for c in cands if c.role in NEW_ROLES.values()}
        for cand in cands:
            if cand.role is None:
                is_new = (cand.type, name_key(cand.canonical)) in new
                cand.role = NEW_ROLES[cand.type] if is_new else DEFAULT_ROLES[cand.type]
        return doc

    def _sentence_roles(self, doc: Doc, sent, cands: list[Candidate]) -> None:
        for cand in cands:
            before = doc[cand.first_token - 2:cand.first_token] if cand.first_token >= 2 else doc[:cand.first_token]
            if any(t.lower_ in self.naming for t in before) and cand.type in NEW_ROLES:
                cand.role = NEW_ROLES[cand.type]
        verb = self._proposing_verb(sent)
        if verb is None:
            return
        fresh = [c for c in cands if c.first_token > verb and c.type in NEW_ROLES and c.source != "lexicon"]
        if not fresh:
            return
        first = fresh[0]
        if first.source in ("name_shape", "acronym") and any(
                t.lower_ in self.dataset_heads for t in doc[verb:min(first.end_token + 3, sent.end)]):
            first.type = "dataset"
        first.role = NEW_ROLES[first.type]

    def _proposing_verb(self, sent) -> int | None:
        """Index of ``propose``-like verb with ``we``/``this paper``/``here`` before it, if any."""
        subject = False
        for tok in sent:
            if tok.lower_ in self.subjects:
                subject = True
            elif subject and tok.lower_ in self.verbs:
                return tok.i
        return None
