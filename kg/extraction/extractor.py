"""The extractor: a blank spaCy pipeline with kg's rule components, run over papers.

>>> from kg.model import Paper
>>> ex = Extractor()
>>> [(m.text, m.type, m.role) for m in ex.extract(Paper(title="cMIM: Masked Image Modeling at Scale"))][:1]
[('cMIM', 'method', 'proposes')]
"""
from __future__ import annotations

import multiprocessing
import re
from bisect import bisect_left
from itertools import islice
from sys import intern
from typing import Iterable, Iterator

import spacy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc

from kg.extraction import components  # noqa: F401  (registers the components by name)
from kg.extraction.components import candidates, tokens
from kg.extraction.lexicon import name_key
from kg.extraction.tokenizer import NAME as TOKENIZER
from kg.model import NEW_ROLES, Mention, Paper

PIPELINE = ["kg_sentences", "kg_urls", "kg_lexicon", "kg_acronyms", "kg_cues", "kg_task_lists", "kg_task_clauses",
            "kg_names", "kg_select", "kg_non_names", "kg_roles"]
FIELDS = ("title", "abstract")
MAX_TEXT_CHARS = 50_000_000  # no parser or NER runs, so long texts only cost linear time
_SPACE_RUN = re.compile(r"  +")


def build_pipeline() -> Language:
    """``spacy.blank("en")`` with a faster tokenizer giving the same tokens (``kg/extraction/tokenizer.py``),
    plus kg's components (sentence splitter first), in order."""
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    # Every new word's lexeme gets each attribute spaCy's English defines (shape, like_num, is_stop, ...)
    # computed once; kg's rules read the token text and LOWER only (the lexicon matcher, ``lower_``),
    # and on a long-tail vocabulary computing the rest cost about 15% of extraction (bench_extract.py).
    nlp.vocab.lex_attr_getters = {LOWER: nlp.vocab.lex_attr_getters[LOWER]}
    nlp.max_length = MAX_TEXT_CHARS
    for name in PIPELINE:
        nlp.add_pipe(name)
    return nlp


class Extractor:
    """Finds methods, datasets, tasks, metrics, code repositories and links in papers."""

    def __init__(self) -> None:
        self.nlp = build_pipeline()

    def extract(self, paper: Paper) -> list[Mention]:
        """Mentions of one paper, title first, in reading order."""
        return next(iter(self.pipe([paper])))

    def pipe(self, papers: Iterable[Paper], batch_size: int = 256, workers: int = 1) -> Iterator[list[Mention]]:
        """One list of mentions per paper, in input order; ``workers`` > 1 runs worker processes."""
        chunks = _chunks(papers, batch_size)
        if workers <= 1:
            for chunk in chunks:
                yield from self._extract_chunk(chunk)
            return
        texts = ([(p.title or "", p.abstract or "") for p in chunk] for chunk in chunks)
        with _pool(workers, self) as pool:
            for results in pool.imap(_extract_in_worker, texts):
                for rows in results:  # plain tuples cross the process boundary: cheaper to pickle
                    yield [mention_from_row(row) for row in rows]

    def _extract_chunk(self, papers: list[Paper]) -> list[list[Mention]]:
        docs = self.nlp.pipe((self._make_doc(p, f) for p in papers for f in FIELDS), batch_size=2 * len(papers))
        results = []
        for paper in papers:
            mentions = [m for field in FIELDS for m in _mentions(next(docs), field)]
            results.append(_spread_new_roles(mentions))
        return results

    def _make_doc(self, paper: Paper, field: str) -> Doc:
        text = getattr(paper, field) or ""
        # spaCy's tokenizer takes a slow path on every "\n" (about 6x slower on line-wrapped arXiv
        # abstracts); a space for each line break keeps every offset, and the rules read the original text.
        # (str.replace three times is ten times faster than str.translate.)
        spaced = text.replace("\n", " ").replace("\r", " ").replace("\t", " ")
        if "  " not in spaced:
            doc = self.nlp.make_doc(spaced)
            doc.user_data.update(field=field, text=text, tokenized=spaced)
            return doc
        # spaCy makes a token of every space after the first, which cuts a phrase in two ("the EMEA  corpus";
        # arXiv opens a paragraph with "\n  "): the rules read one space, and the offsets map back (_Spaces)
        spaces = _Spaces(spaced)
        doc = self.nlp.make_doc(spaces.text)
        doc.user_data.update(field=field, text=spaces.text, original=(text, spaces))
        return doc


class _Spaces:
    """A text with each run of spaces cut to one, and the way back to the original offsets.

    >>> s = _Spaces("the EMEA   corpus  here")
    >>> s.text, s.original(8), s.original(9), s.original(15), "the EMEA   corpus  here"[s.original(4):s.original(15)]
    ('the EMEA corpus here', 8, 11, 17, 'EMEA   corpus')
    """

    def __init__(self, text: str):
        self.text = _SPACE_RUN.sub(" ", text)
        self.positions: list[int] = []  # where each run's one space sits in the cut text
        self.removed: list[int] = [0]  # spaces cut before each run's end, cumulated
        for match in _SPACE_RUN.finditer(text):
            self.positions.append(match.start() - self.removed[-1])
            self.removed.append(self.removed[-1] + len(match.group()) - 1)

    def original(self, offset: int) -> int:
        """The original offset of a token boundary of the cut text (never inside a run)."""
        return offset + self.removed[bisect_left(self.positions, offset)]


def _chunks(papers: Iterable[Paper], size: int) -> Iterator[list[Paper]]:
    iterator = iter(papers)
    while chunk := list(islice(iterator, max(size, 1))):
        yield chunk


def _mentions(doc: Doc, field: str) -> list[Mention]:
    cands = candidates(doc)
    if not cands:
        return []
    table = tokens(doc)
    text, spaces = doc.user_data.get("original") or (table.text, None)
    at = spaces.original if spaces else int
    mentions, sentences = [], {}
    for cand in cands:
        index = table.sentence_of[cand.first_token] if cand.first_token < len(table) else 0
        span = table.sentence_first[index], max(table.sentence_end(index), cand.end_token)  # a URL may run past
        if span not in sentences:  # one string per sentence, shared by its mentions (pickle keeps it shared)
            sentences[span] = text[at(table.starts[span[0]]):at(table.ends[span[1] - 1])] if span[1] > span[0] else ""
        start, end = at(cand.start), at(cand.end)
        mentions.append(Mention(cand.type, text[start:end], cand.canonical, cand.role, field,
                                start, end, index, sentences[span], cand.source))
    return mentions


def mention_row(m: Mention) -> tuple:
    """A Mention as the plain tuple :func:`mention_from_row` reads (what workers and the extraction cache pass)."""
    return (m.type, m.text, m.canonical, m.role, m.field, m.start, m.end, m.sentence, m.evidence, m.source)


def mention_from_row(row) -> Mention:
    """A Mention from a worker's tuple, its vocabulary strings interned: unpickling gives every
    chunk its own copy of "method", "uses", "abstract", which at 15M mentions is gigabytes; the
    surface forms repeat too (half of them are a copy of an earlier one at 5k papers). Offsets
    are shared the same way (:data:`_OFFSETS`)."""
    type_, text, canonical, role, field, start, end, sentence, evidence, source = row
    return Mention(intern(type_), intern(text), intern(canonical), intern(role), intern(field),
                   _OFFSETS.setdefault(start, start), _OFFSETS.setdefault(end, end), sentence, evidence, intern(source))


# One int object per character offset: Python shares only -5..256, and an offset into an abstract
# is an object of 32 bytes of its own per mention (two per mention: 17% of a mention's memory);
# there are only as many distinct offsets as characters in the longest text.
_OFFSETS: dict[int, int] = {}


def _spread_new_roles(mentions: list[Mention]) -> list[Mention]:
    """A name the paper proposes in its title is proposed in its abstract too."""
    new = {(m.type, name_key(m.canonical)) for m in mentions if m.role in NEW_ROLES.values()}
    if not new:
        return mentions
    for mention in mentions:
        if mention.type in NEW_ROLES and (mention.type, name_key(mention.canonical)) in new:
            mention.role = NEW_ROLES[mention.type]
    return mentions


_worker_extractor: Extractor | None = None


def _init_worker() -> None:
    global _worker_extractor
    if _worker_extractor is None:  # spawned, not forked: build the pipeline here
        _worker_extractor = Extractor()


def _extract_in_worker(texts: list[tuple[str, str]]) -> list[list[tuple]]:
    papers = [Paper(title=title, abstract=abstract) for title, abstract in texts]
    return [[mention_row(m) for m in mentions] for mentions in _worker_extractor._extract_chunk(papers)]


def _pool(workers: int, extractor: Extractor):
    """A process pool; forked where possible so workers inherit the loaded pipeline."""
    global _worker_extractor
    if "fork" in multiprocessing.get_all_start_methods():
        _worker_extractor = extractor
        return multiprocessing.get_context("fork").Pool(workers, initializer=_init_worker)
    return multiprocessing.get_context("spawn").Pool(workers, initializer=_init_worker)
