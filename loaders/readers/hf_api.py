"""Hugging Face Papers API JSON: ``/api/daily_papers`` items, paper lists, ``/api/papers/{id}``.

A daily-papers item wraps the paper: ``{"paper": {"id": "2502.13923", "title": ...,
"summary": ..., "upvotes": 150, "publishedAt": "2025-02-19T16:58:02.000Z",
"authors": [{"name": ...}], "githubRepo": ...}, "title": ..., "numComments": 4, ...}``;
the other two endpoints give the paper object itself. ``id`` is the arXiv id.
"""
from __future__ import annotations

from kg.model import Paper
from loaders.readers.common import (author_names, clean_abstract, iso_date, optional_dict,
                                    optional_int, optional_list, optional_text, optional_title,
                                    year_of)

def to_paper(raw: dict) -> Paper:
    """One API item (wrapped or bare) as a paper."""
    paper = optional_dict(raw, "paper") or raw
    arxiv_id = optional_text(paper, "id")
    published = iso_date(optional_text(paper, "publishedAt"), "publishedAt")
    authors = author_names(optional_list(paper, "authors"), "authors")
    return Paper(
        title=optional_title(paper if "title" in paper else raw, "title"),
        abstract=clean_abstract(optional_text(paper, "summary") or optional_text(raw, "summary")),
        arxiv_id=arxiv_id,
        authors=authors,
        authors_count=len(authors) or None,
        published=published,
        year=year_of(published),
        upvotes=optional_int(paper, "upvotes"),
        url=f"https://huggingface.co/papers/{arxiv_id}" if arxiv_id else None,
        code_url=optional_text(paper, "githubRepo"),
        record_id=arxiv_id,
    )
