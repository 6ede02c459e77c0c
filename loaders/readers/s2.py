"""Semantic Scholar Graph API JSON: paper objects, lists, ``{"data": [...]}`` pages.

A paper: ``paperId``, ``externalIds`` (``ArXiv``, ``DOI``, ``MAG``, ``CorpusId``,
``DBLP``, ``PubMed``, ``PubMedCentral``, ``ACL`` ...), ``title``, ``abstract``,
``year``, ``publicationDate``, ``venue``, ``authors`` (``[{"authorId", "name"}]``),
and optionally ``references`` / ``citations``: lists of (partial) paper objects,
or of ``{"citedPaper": {...}}`` / ``{"citingPaper": {...}}`` items, which become
``Paper.references`` / ``Paper.cited_by``; each of them that has a title is read as
a paper too (``common.cited``). Citation-endpoint pages
(``{"data": [{"citingPaper": {...}}]}``) are unwrapped by ``jsonio``.
"""
from __future__ import annotations

from kg.model import Paper, PaperRef
from loaders.readers.common import (BadRecord, author_names, cited, clean_abstract, iso_date,
                                    optional_dict, optional_int, optional_list, optional_text,
                                    optional_title, year_of)
from loaders.readers.jsonio import WRAPPER_KEYS

# Semantic Scholar's id kinds -> kg's lower-case external id names.
ID_KINDS = {"CorpusId": "corpus", "MAG": "mag", "DBLP": "dblp", "PubMed": "pmid",
            "PubMedCentral": "pmcid", "ACL": "acl"}


def to_papers(raw: dict) -> list:
    """One Graph API paper object as a paper, then the papers among its references and citations."""
    raw = next((raw[key] for key in WRAPPER_KEYS if isinstance(raw.get(key), dict)), raw)
    arxiv_id, doi, external_ids = _ids(raw)
    published = iso_date(optional_text(raw, "publicationDate"), "publicationDate")
    authors = author_names(optional_list(raw, "authors"), "authors")
    nested = []
    paper = Paper(
        title=optional_title(raw, "title"),
        abstract=clean_abstract(optional_text(raw, "abstract")),
        arxiv_id=arxiv_id,
        doi=doi,
        external_ids=external_ids,
        authors=authors,
        authors_count=len(authors) or None,
        published=published,
        year=optional_int(raw, "year") or year_of(published),
        venue=optional_text(raw, "venue") or optional_text(optional_dict(raw, "journal"), "name"),
        url=optional_text(raw, "url"),
        references=cited(raw, "references", to_papers, _not_a_paper, nested),
        cited_by=cited(raw, "citations", to_papers, _not_a_paper, nested),
        record_id=optional_text(raw, "paperId"),
    )
    return [paper, *nested]


def _ids(raw: dict) -> tuple[str | None, str | None, dict[str, str]]:
    """arXiv id, DOI and the other ids of a paper object."""
    given = optional_dict(raw, "externalIds")
    external_ids = {}
    if optional_text(raw, "paperId"):
        external_ids["s2"] = optional_text(raw, "paperId")
    for kind, value in given.items():
        if kind not in ("ArXiv", "DOI") and value not in (None, ""):
            external_ids[ID_KINDS.get(kind, kind.lower())] = str(value)
    if "corpus" not in external_ids and optional_text(raw, "corpusId"):
        external_ids["corpus"] = optional_text(raw, "corpusId")
    return optional_text(given, "ArXiv"), optional_text(given, "DOI"), external_ids


def _not_a_paper(entry, name: str) -> PaperRef:
    raise BadRecord(f"'{name}' entries must be paper objects")
