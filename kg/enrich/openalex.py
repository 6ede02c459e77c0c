"""The OpenAlex works API as an enrich source.

What is asked, and how each answer is cached (keys of :class:`kg.enrich.cache.AnswerCache`):

* a paper with an OpenAlex id, a DOI or an arXiv id: ``GET /works/<W id>``, ``/works/doi:<doi>``,
  or ``/works/doi:10.48550/arxiv.<id>`` (arXiv's DataCite DOI, which OpenAlex indexes). Cached
  as ``work:<id>``. A paper with only a title: ``GET /works?filter=title.search:<title>``,
  counted only when a result has the same title key. Cached as ``match:<title key>``.
* references: a work's ``referenced_works`` are bare ids, so their titles and DOIs (to match
  them to the graph's papers or make stubs) come from ``GET /works?filter=openalex:W1|W2|...``,
  50 ids a request, each cached as ``work:<W id>``.
* citations (``--citations``): ``GET /works?filter=cites:<W id>``, cursor-paged
  (``cursor=*``, then ``meta.next_cursor``). Cached whole as ``cited_by:<W id>``.

Every request carries ``mailto=$OPENALEX_MAILTO`` when it is set (OpenAlex's "polite pool").
"""
from __future__ import annotations

import re
from typing import Mapping
from urllib.parse import quote

from kg.enrich.source import Source
from kg.model import Paper, title_key
from loaders.readers import openalex as openalex_reader
from loaders.readers.common import BadRecord

DEFAULT_URL = "https://api.openalex.org"
SELECT = "id,doi,display_name,ids,publication_year,publication_date,primary_location,referenced_works"
IDS_PER_FILTER = 50  # OpenAlex ORs at most this many values in one filter
PAGE_SIZE = 200  # the largest per-page
_FILTER_SYNTAX = re.compile(r"[,|:]")  # they separate filters and values; a title keeps its words


class OpenAlex(Source):
    """Looks works up on OpenAlex and lists what they cite and what cites them, through ``cache``."""

    name = "OpenAlex"
    rule = "openalex-api"
    url_variable, default_url = "KG_OPENALEX_API_URL", DEFAULT_URL

    @staticmethod
    def credentials(environ: Mapping[str, str]) -> dict:
        """OPENALEX_MAILTO, sent as the ``mailto`` parameter (OpenAlex's "polite pool")."""
        mailto = environ.get("OPENALEX_MAILTO")
        return {"params": {"mailto": mailto}} if mailto else {}

    def find_by_id(self, attrs: dict) -> dict | None:
        path = work_path(attrs)
        return path and self.cache.answer(_work_key(path), lambda: self.api.get(path, {"select": SELECT}))

    def remember(self, found: dict) -> None:
        """Cache a found work under each path of it too: the node gains its ids, and the next run asks by them."""
        paper = self.to_paper(found)
        if not paper:
            return
        ids = {"openalex_id": paper.external_ids.get("openalex"), "doi": paper.doi, "arxiv_id": paper.arxiv_id}
        for name in ids:
            path = ids[name] and work_path({name: ids[name]})
            if path and _work_key(path) not in self.cache:
                self.cache.put(_work_key(path), found)

    def match_title(self, title: str) -> dict | None:
        text = " ".join(_FILTER_SYNTAX.sub(" ", title).split())
        answer = self.api.get("/works", {"filter": f"title.search:{text}", "select": SELECT, "per-page": 5})
        return next((work for work in answer.get("results") or []
                     if isinstance(work, dict) and title_key(work.get("display_name") or "") == title_key(title)),
                    None)

    def references(self, found: dict) -> list[dict]:
        """The works ``found`` cites; those OpenAlex gives no details for stay bare ``{"id": ...}``."""
        ids = [openalex_reader.short_id(w) for w in found.get("referenced_works") or [] if isinstance(w, str)]
        self._fetch_works([w for w in ids if f"work:{w}" not in self.cache])
        return [self.cache.answers.get(f"work:{w}") or {"id": w} for w in ids]

    def _fetch_works(self, ids: list[str]) -> None:
        for start in range(0, len(ids), IDS_PER_FILTER):
            chunk = ids[start:start + IDS_PER_FILTER]
            answer = self.api.get("/works", {"filter": "openalex:" + "|".join(chunk), "select": SELECT,
                                             "per-page": IDS_PER_FILTER})
            works = {openalex_reader.short_id(w["id"]): w for w in answer.get("results") or []
                     if isinstance(w, dict) and isinstance(w.get("id"), str)}
            for work_id in chunk:
                self.cache.put(f"work:{work_id}", works.get(work_id))

    def citations(self, found: dict) -> list[dict]:
        """The works citing ``found``."""
        work_id = openalex_reader.short_id(found.get("id") or "")
        if not work_id:
            return []
        return self.cache.answer(f"cited_by:{work_id}", lambda: self._citing(work_id)) or []

    def _citing(self, work_id: str) -> list[dict]:
        works, cursor = [], "*"
        while cursor:
            page = self.api.get("/works", {"filter": f"cites:{work_id}", "select": SELECT,
                                           "per-page": PAGE_SIZE, "cursor": cursor})
            results = page.get("results") or []
            works += [w for w in results if isinstance(w, dict) and w.get("id")]
            cursor = (page.get("meta") or {}).get("next_cursor") if results else None
        return works

    @staticmethod
    def to_paper(raw: dict) -> Paper | None:
        """A work as a kg paper (the ``openalex`` reader's reading); a bare id becomes a title-less one."""
        try:
            return openalex_reader.to_papers(raw)[0]  # its nested works are looked up on their own
        except BadRecord:
            work_id = raw.get("id")
            return Paper("", external_ids={"openalex": openalex_reader.short_id(work_id)}) \
                if isinstance(work_id, str) and work_id.strip() else None


def _work_key(path: str) -> str:
    return "work:" + path[len("/works/"):]


def work_path(attrs: dict) -> str | None:
    """The works-API path of a Paper node: its OpenAlex id, else its DOI, else its arXiv DOI.

    >>> work_path({"arxiv_id": "1706.03762"}), work_path({"title": "X"})
    ('/works/doi:10.48550/arxiv.1706.03762', None)
    """
    if attrs.get("openalex_id"):
        return "/works/" + quote(attrs["openalex_id"], safe="")
    doi = attrs.get("doi") or (attrs.get("arxiv_id") and f"10.48550/arxiv.{attrs['arxiv_id']}")
    return "/works/doi:" + quote(doi, safe="/") if doi else None
