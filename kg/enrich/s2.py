"""The Semantic Scholar Academic Graph API (graph/v1) as an enrich source.

What is asked, and how each answer is cached (keys of :class:`kg.enrich.cache.AnswerCache`):

* papers with an id (``arXiv:2106.15928``, ``DOI:10.1/x``, an S2 ``paperId``, ``CorpusId:123``):
  ``POST /paper/batch?fields=...`` with ``{"ids": [...]}``, 500 at a time; the answer is an
  array in the same order, ``null`` for ids S2 does not know. Cached as ``paper:<id>``. When a
  batch fails, each of its papers is asked alone, ``GET /paper/<id>``.
* papers with only a title (or an id S2 does not know): ``GET /paper/search/match?query=<title>``; 404 when nothing
  matches. S2 returns its best match even when it is another paper, so a match counts only when
  its title has the same title key (``kg.model.title_key``). Cached as ``match:<title key>``.
* references and (``--citations``) citations: ``GET /paper/<paperId>/references`` and
  ``/citations``, ``offset``/``limit`` pages followed through ``next``. Cached per paper
  (``references:<paperId>``), whole: a paper whose pages did not all arrive is asked again.

References S2 could not resolve to a paper (no ``paperId``: a bibliography line it did not
recognise, like "Author's names in italics refer to the Bibliography") are left out.
"""
from __future__ import annotations

from typing import Iterable, Mapping
from urllib.parse import quote

from kg.enrich.client import GaveUp
from kg.enrich.source import Source
from kg.model import Paper, title_key
from loaders.readers import s2 as s2_reader
from loaders.readers.common import BadRecord

DEFAULT_URL = "https://api.semanticscholar.org/graph/v1"
PAPER_FIELDS = "paperId,externalIds,title,year,publicationDate,venue"
BATCH_SIZE = 500  # the batch endpoint's limit
PAGE_SIZE = 1000  # the references/citations endpoints' largest page
# kg's id kinds -> the prefixes S2 takes in /paper/<id> and the batch ids.
ID_PREFIXES = (("arxiv_id", "arXiv:"), ("doi", "DOI:"), ("s2_id", ""), ("corpus_id", "CorpusId:"))


class SemanticScholar(Source):
    """Looks papers up on S2 and lists what they cite and what cites them, through ``cache``."""

    name = "Semantic Scholar"
    rule = "s2-api"
    url_variable, default_url = "KG_S2_API_URL", DEFAULT_URL

    @staticmethod
    def credentials(environ: Mapping[str, str]) -> dict:
        """S2_API_KEY, sent as the ``x-api-key`` header (never in a URL, so never in a message)."""
        key = environ.get("S2_API_KEY")
        return {"headers": {"x-api-key": key}} if key else {}

    def prefetch(self, papers: Iterable[dict]) -> None:
        """Ask for every paper with an id in batches, so that :meth:`find` finds them cached."""
        wanted = [ident for ident in dict.fromkeys(map(paper_id, papers))
                  if ident and f"paper:{ident}" not in self.cache]
        for start in range(0, len(wanted), BATCH_SIZE):
            chunk = wanted[start:start + BATCH_SIZE]
            try:
                answers = self.api.post("/paper/batch", {"ids": chunk}, {"fields": PAPER_FIELDS})
            except GaveUp:
                continue  # find() asks for each of them alone
            if len(answers) != len(chunk):
                continue  # not the documented answer: trust none of it
            for ident, answer in zip(chunk, answers):
                self.cache.put(f"paper:{ident}", answer if isinstance(answer, dict) else None)
                if isinstance(answer, dict):
                    self.remember(answer)

    def find_by_id(self, attrs: dict) -> dict | None:
        ident = paper_id(attrs)
        return ident and self.cache.answer(f"paper:{ident}", lambda: self.api.get(
            "/paper/" + quote(ident, safe=":/"), {"fields": PAPER_FIELDS}))

    def remember(self, found: dict) -> None:
        """Cache a found paper under each of its ids too: the node gains them, and the next run asks by them."""
        paper = self.to_paper(found)
        for ident in paper_ids(paper_attrs(paper)) if paper else []:
            if f"paper:{ident}" not in self.cache:
                self.cache.put(f"paper:{ident}", found)

    def match_title(self, title: str) -> dict | None:
        answer = self.api.get("/paper/search/match", {"query": title, "fields": PAPER_FIELDS})
        best = next(iter(answer.get("data") or []), None)
        if isinstance(best, dict) and title_key(best.get("title") or "") == title_key(title):
            return best
        return None

    def references(self, found: dict) -> list[dict]:
        """The papers ``found`` cites, as S2 paper objects; raises GaveUp."""
        return self._listing(found, "references", "citedPaper")

    def citations(self, found: dict) -> list[dict]:
        """The papers citing ``found``."""
        return self._listing(found, "citations", "citingPaper")

    def _listing(self, found: dict, kind: str, wrapper: str) -> list[dict]:
        s2_id = found.get("paperId")
        if not s2_id:
            return []
        path = f"/paper/{quote(s2_id, safe='')}/{kind}"
        return self.cache.answer(f"{kind}:{s2_id}", lambda: self._pages(path, wrapper)) or []

    def _pages(self, path: str, wrapper: str) -> list[dict]:
        papers, offset = [], 0
        while True:
            page = self.api.get(path, {"fields": PAPER_FIELDS, "offset": offset, "limit": PAGE_SIZE})
            items = page.get("data") or []
            papers += [item[wrapper] for item in items
                       if isinstance(item, dict) and isinstance(item.get(wrapper), dict)
                       and item[wrapper].get("paperId")]
            following = page.get("next")
            if not isinstance(following, int) or following <= offset:
                return papers
            offset = following

    @staticmethod
    def to_paper(raw: dict) -> Paper | None:
        """An S2 paper object as a kg paper (the ``s2`` reader's reading), ``None`` if it names none."""
        try:
            paper = s2_reader.to_papers(raw)[0]  # its nested papers are looked up on their own
        except BadRecord:
            return None  # no title or wrongly typed fields: nothing kg could key a node on safely
        return paper if paper.title else None


def paper_ids(attrs: dict) -> list[str]:
    """The ids S2 takes for a Paper node: arXiv id, DOI, S2 paperId, CorpusId, strongest first.

    >>> paper_ids({"title": "X", "doi": "10.1/x", "corpus_id": "7"}), paper_ids({"title": "X"})
    (['DOI:10.1/x', 'CorpusId:7'], [])
    """
    return [prefix + str(attrs[name]) for name, prefix in ID_PREFIXES if attrs.get(name)]


def paper_id(attrs: dict) -> str | None:
    """The strongest of :func:`paper_ids`, the one kg asks by."""
    return next(iter(paper_ids(attrs)), None)


def paper_attrs(paper: Paper) -> dict:
    """A kg paper's ids as the Paper node would hold them."""
    return {"arxiv_id": paper.arxiv_id, "doi": paper.doi,
            **{f"{kind}_id": value for kind, value in paper.external_ids.items()}}
