"""OpenAlex works: one work object, a ``{"meta": ..., "results": [...]}`` page, or JSONL.

A work: ``id`` (``https://openalex.org/W2741809807``), ``doi`` (URL form),
``display_name`` / ``title``, ``abstract_inverted_index`` (word -> positions),
``publication_date``, ``publication_year``, ``authorships``
(``[{"author": {"display_name"}}]``), ``referenced_works`` (OpenAlex ids),
``ids`` (``openalex``, ``doi``, ``mag``, ``pmid``, ``pmcid``, sometimes ``arxiv``),
``primary_location`` (``source.display_name``, ``landing_page_url``).
arXiv DOIs (``10.48550/arXiv.1706.03762``) and arXiv landing pages give the arXiv id.
A referenced work given as a work object instead of an id is read as a paper when it
has a title, like Semantic Scholar's references (``common.cited``).
"""
from __future__ import annotations

import re

from kg.model import Paper, PaperRef, normalize_arxiv_id
from loaders.readers.common import (BadRecord, author_names, cited, clean_abstract, iso_date,
                                    optional_dict, optional_int, optional_list, optional_text,
                                    optional_title, year_of)

_ARXIV_DOI = re.compile(r"10\.48550/arxiv\.(.+)$", re.I)
_ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf)/(.+)$", re.I)
_URL_PREFIX = re.compile(r"^https?://[^/]+/(?:[^/]+/)*")
ID_KINDS = ("mag", "pmid", "pmcid")


def to_papers(raw: dict) -> list:
    """One OpenAlex work as a paper, then the papers among its referenced works."""
    ids = optional_dict(raw, "ids")
    location = optional_dict(raw, "primary_location")
    doi = optional_text(raw, "doi") or optional_text(ids, "doi")
    published = iso_date(optional_text(raw, "publication_date"), "publication_date")
    authors = author_names([optional_dict(a, "author") if isinstance(a, dict) else a
                            for a in optional_list(raw, "authorships")], "authorships", "display_name")
    nested = []
    paper = Paper(
        title=optional_title(raw, "display_name", "title"),
        abstract=clean_abstract(inverted_index_text(raw.get("abstract_inverted_index"))),
        arxiv_id=_arxiv_id(ids, doi, optional_text(location, "landing_page_url")),
        doi=doi,
        external_ids=_external_ids(raw, ids),
        authors=authors,
        authors_count=len(authors) or None,
        published=published,
        year=optional_int(raw, "publication_year") or year_of(published),
        venue=optional_text(optional_dict(location, "source"), "display_name"),
        url=optional_text(location, "landing_page_url"),
        references=cited(raw, "referenced_works", to_papers, _id_ref, nested),
        record_id=optional_text(raw, "id"),
    )
    return [paper, *nested]


def _id_ref(work, name: str) -> PaperRef | None:
    return PaperRef(external_ids={"openalex": short_id(work)}) if isinstance(work, str) else None


def short_id(value: str) -> str:
    """The bare id of an OpenAlex, PubMed or PMC URL.

    >>> short_id("https://openalex.org/W2741809807")
    'W2741809807'
    """
    return _URL_PREFIX.sub("", value.strip()).strip("/")


def inverted_index_text(index) -> str:
    """Words placed at their positions, joined by single spaces.

    >>> inverted_index_text({"is": [1], "Attention": [0], "all": [2, 5], "need": [4], "you": [3]})
    'Attention is all you need all'
    """
    if not index:
        return ""
    if not isinstance(index, dict):
        raise BadRecord("'abstract_inverted_index' must be an object")
    placed = {}
    for word, positions in index.items():
        if not isinstance(positions, list) or not all(isinstance(p, int) for p in positions):
            raise BadRecord("'abstract_inverted_index' positions must be lists of integers")
        placed.update((position, word) for position in positions)
    return " ".join(placed[position] for position in sorted(placed))


def _external_ids(raw: dict, ids: dict) -> dict[str, str]:
    external_ids = {}
    work_id = optional_text(raw, "id") or optional_text(ids, "openalex")
    if work_id:
        external_ids["openalex"] = short_id(work_id)
    for kind in ID_KINDS:
        value = optional_text(ids, kind)
        if value:
            external_ids[kind] = short_id(value)
    return external_ids


def _arxiv_id(ids: dict, doi: str | None, landing_page: str | None) -> str | None:
    if optional_text(ids, "arxiv"):
        return normalize_arxiv_id(optional_text(ids, "arxiv"))
    for pattern, value in ((_ARXIV_DOI, doi), (_ARXIV_URL, landing_page)):
        match = pattern.search(value or "")
        if match:
            return normalize_arxiv_id(match.group(1))
    return None
