"""arXiv metadata JSON Lines, as in the public arXiv OAI snapshot (Kaggle).

One object per line: ``id``, ``submitter``, ``authors`` (one string), ``title``,
``comments``, ``journal-ref``, ``doi``, ``categories`` (space-separated),
``abstract``, ``versions`` (``[{"version": "v1", "created": "Mon, 2 Apr 2007
19:18:42 GMT"}, ...]``), ``update_date``, ``authors_parsed`` (``[[last, first,
suffix], ...]``). Titles and abstracts are hard-wrapped with newlines and
indentation, so whitespace is collapsed (abstract: line breaks become spaces).
"""
from __future__ import annotations

import re
from email.utils import parsedate_to_datetime

from kg.model import Paper
from loaders.readers.common import (BadRecord, clean_abstract, optional_list, optional_text,
                                    optional_title, year_of)

_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_AUTHOR_SEPARATOR = re.compile(r",\s*|\s+and\s+")


def to_paper(raw: dict) -> Paper:
    """One snapshot record as a paper."""
    arxiv_id = optional_text(raw, "id")
    if not arxiv_id:
        raise BadRecord("missing id")
    published = _first_version_date(optional_list(raw, "versions"))
    authors = _authors(raw)
    doi = optional_text(raw, "doi")
    return Paper(
        title=optional_title(raw, "title"),
        abstract=_LINE_BREAK.sub(" ", clean_abstract(optional_text(raw, "abstract"))),
        arxiv_id=arxiv_id,
        doi=doi.split()[0] if doi else None,  # a few records list several DOIs
        authors=authors,
        authors_count=len(authors) or None,
        published=published,
        year=year_of(published),
        categories=(optional_text(raw, "categories") or "").split(),
        url=f"https://arxiv.org/abs/{arxiv_id}",
        record_id=arxiv_id,
    )


def _authors(raw: dict) -> list[str]:
    parsed = optional_list(raw, "authors_parsed")
    if parsed:
        return [_parsed_name(item) for item in parsed]
    text = " ".join((optional_text(raw, "authors") or "").split())
    return [name for name in _AUTHOR_SEPARATOR.split(text) if name]


def _parsed_name(item) -> str:
    if not isinstance(item, list) or not all(isinstance(part, str) for part in item):
        raise BadRecord("'authors_parsed' entries must be [last, first, suffix] lists")
    last, first, suffix = (item + ["", "", ""])[:3]
    return " ".join(part.strip() for part in (first, last, suffix) if part.strip())


def _first_version_date(versions: list) -> str | None:
    """ISO date of v1's ``created`` (an RFC 2822 date)."""
    for version in versions:
        if isinstance(version, dict) and version.get("version") == "v1":
            try:
                return parsedate_to_datetime(version["created"]).date().isoformat()
            except (KeyError, TypeError, ValueError):
                raise BadRecord("'versions' v1 has no valid 'created' date") from None
    return None
