"""Plain paper records (JSON Lines, JSON, or CSV rows) with at least a ``title``.

Recognised fields: ``id``, ``title``, ``abstract`` (or ``summary``), ``authors``
(a list, or one ``;``-separated string), ``date`` (kept as printed; an ISO date
also sets ``published``), ``published``, ``year``, ``doi``, ``arxiv_id``, ``url``,
``venue``, ``categories`` (list or ``;``/space-separated), ``upvotes``,
``code_url``. An ``id`` that looks like an arXiv id is the arXiv id; any other
``id`` is kept as ``external_ids["id"]``. The raw ``id`` is always ``record_id``.

>>> p = to_paper({"id": "2401.01234v2", "title": "X", "authors": "Ada Lovelace; Alan Turing"})
>>> p.arxiv_id, p.record_id, p.authors
('2401.01234', '2401.01234v2', ['Ada Lovelace', 'Alan Turing'])
"""
from __future__ import annotations

import re

from kg.model import Paper
from loaders.readers.common import (BadRecord, clean_abstract, clean_title, iso_date,
                                    optional_int, optional_text, optional_title, year_of)

_ARXIV_ID = re.compile(r"^(?:arxiv:|https?://arxiv\.org/(?:abs|pdf)/)?"
                       r"(\d{4}\.\d{4,5}|[a-z][a-z.-]+/\d{7})(v\d+)?$", re.I)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")


def to_paper(raw: dict) -> Paper:
    """One plain record (a JSON object or a CSV row as a dict) as a paper."""
    record_id = optional_text(raw, "id")
    arxiv_id = optional_text(raw, "arxiv_id")
    external_ids = {}
    if record_id and _ARXIV_ID.match(record_id):
        arxiv_id = arxiv_id or record_id
    elif record_id:
        external_ids["id"] = record_id
    date = optional_text(raw, "date")
    published = iso_date(optional_text(raw, "published") or (date if date and _ISO.match(date) else None),
                         "published" if raw.get("published") else "date")
    authors = _split_list(raw, "authors", ";")
    return Paper(
        title=optional_title(raw, "title"),
        abstract=clean_abstract(optional_text(raw, "abstract") or optional_text(raw, "summary")),
        arxiv_id=arxiv_id,
        doi=optional_text(raw, "doi"),
        external_ids=external_ids,
        authors=authors,
        authors_count=optional_int(raw, "authors_count") or len(authors) or None,
        date=date,
        published=published,
        year=optional_int(raw, "year") or year_of(published),
        upvotes=optional_int(raw, "upvotes"),
        categories=_split_list(raw, "categories", "; "),
        venue=optional_text(raw, "venue"),
        url=optional_text(raw, "url"),
        code_url=optional_text(raw, "code_url"),
        record_id=record_id,
    )


def _split_list(raw: dict, name: str, separators: str) -> list[str]:
    """A list field given as a list of strings or as one separated string."""
    value = raw.get(name)
    if value is None:
        return []
    if isinstance(value, str):
        parts = re.split(f"[{re.escape(separators)}]", value) if separators else [value]
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        parts = value
    else:
        raise BadRecord(f"'{name}' must be a list of strings or a '{separators[0]}'-separated string")
    return [clean_title(part) for part in parts if part.strip()]
