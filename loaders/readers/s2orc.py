"""S2ORC metadata JSON Lines (``metadata/*.jsonl`` of the S2ORC release).

One object per line: ``paper_id``, ``title``, ``authors`` (``[{"first", "middle":
[...], "last", "suffix"}]``), ``abstract``, ``year``, ``arxiv_id``, ``acl_id``,
``pmc_id``, ``pubmed_id``, ``mag_id``, ``doi``, ``venue``, ``journal``,
``mag_field_of_study``, ``outbound_citations`` / ``inbound_citations`` (S2ORC
paper ids), ``has_pdf_parse`` ... Citations become ``PaperRef(external_ids=
{"s2orc": id})``; a citation given as a metadata object instead of an id is read as
a paper when it has a title, like Semantic Scholar's (``common.cited``).
"""
from __future__ import annotations

from kg.model import Paper, PaperRef
from loaders.readers.common import (BadRecord, cited, clean_abstract, clean_title, optional_int,
                                    optional_list, optional_text, optional_title)

ID_FIELDS = {"paper_id": "s2orc", "mag_id": "mag", "pubmed_id": "pmid", "pmc_id": "pmcid",
             "acl_id": "acl"}


def to_papers(raw: dict) -> list:
    """One S2ORC metadata record as a paper, then the papers among its citations."""
    external_ids = {kind: optional_text(raw, name) for name, kind in ID_FIELDS.items()}
    authors = [_name(author) for author in optional_list(raw, "authors")]
    nested = []
    paper = Paper(
        title=optional_title(raw, "title"),
        abstract=clean_abstract(optional_text(raw, "abstract")),
        arxiv_id=optional_text(raw, "arxiv_id"),
        doi=optional_text(raw, "doi"),
        external_ids={kind: value for kind, value in external_ids.items() if value},
        authors=[name for name in authors if name],
        authors_count=len(authors) or None,
        year=optional_int(raw, "year"),
        venue=optional_text(raw, "venue") or optional_text(raw, "journal"),
        references=cited(raw, "outbound_citations", to_papers, _id_ref, nested),
        cited_by=cited(raw, "inbound_citations", to_papers, _id_ref, nested),
        record_id=optional_text(raw, "paper_id"),
    )
    return [paper, *nested]


def _name(author) -> str:
    if not isinstance(author, dict):
        raise BadRecord("'authors' entries must be objects with 'first' and 'last'")
    middle = author.get("middle") or []
    parts = [author.get("first"), *(middle if isinstance(middle, list) else [middle]),
             author.get("last"), author.get("suffix")]
    return clean_title(" ".join(part for part in parts if isinstance(part, str)))


def _id_ref(paper_id, name: str) -> PaperRef | None:
    return None if paper_id in (None, "") else PaperRef(external_ids={"s2orc": str(paper_id)})
