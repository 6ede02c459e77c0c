"""Guess a file's input format from its extension and its first record.

>>> classify({"paperId": "2d56", "title": "Computing Machinery and Intelligence"})
's2'
>>> classify({"paper": {"id": "2502.13923", "summary": "..."}, "title": "Qwen2.5-VL"})
'hf-api'
"""
from __future__ import annotations

from itertools import islice

from kg.errors import InputError
from loaders.readers.common import Source
from loaders.readers.hf_page import ABSTRACT_MIN_CHARS
from loaders.readers.jsonio import json_records

TABLE_SUFFIXES = (".csv", ".tsv")
SNIFF_RECORDS = 5  # records looked at to skip over a few broken ones at the start


def detect_format(path) -> str:
    """The format name of ``path`` (see ``loaders.readers.FORMATS``).

    JSON input is classified by its first readable record; ``.csv``/``.tsv`` are
    tables; text with long (abstract) lines is a Hugging Face page dump.
    """
    source = Source(path, quiet=True)
    name = source.path.lower()
    if name.endswith(TABLE_SUFFIXES):
        return "csv"
    try:
        head = source.head()
    except OSError as error:
        raise InputError(path, None, f"cannot read: {error.strerror}") from None
    if not head.strip():
        return "jsonl"  # an empty file has no records in any format
    if head.lstrip()[:1] in ("{", "["):
        return _classify_json(source)
    first_line = head.lstrip().split("\n", 1)[0].lower()
    if "title" in [cell.strip(' "') for cell in first_line.split(",")]:
        return "csv"
    if any(len(line.strip()) > ABSTRACT_MIN_CHARS for line in head.splitlines()):
        return "hf-page"
    raise InputError(path, None, "cannot tell the input format; name it with --format")


def _classify_json(source: Source) -> str:
    for _, record in islice(json_records(source), SNIFF_RECORDS):
        if isinstance(record, dict):
            return classify(record)
    return "jsonl"  # nothing readable up front: the plain reader reports the bad records


def classify(record: dict) -> str:
    """The format of one JSON record, by the fields only that format has."""
    keys = record.keys()
    if "authors_parsed" in keys or {"submitter", "versions"} <= keys:
        return "arxiv"
    if "paper_id" in keys and keys & {"outbound_citations", "inbound_citations"}:
        return "s2orc"
    if "abstract_inverted_index" in keys or str(record.get("id", "")).startswith("https://openalex.org/"):
        return "openalex"
    if "paperId" in keys:
        return "s2"
    paper = record.get("paper") if isinstance(record.get("paper"), dict) else record
    if "summary" in paper and ("paper" in keys or keys & {"upvotes", "publishedAt"}):
        return "hf-api"
    return "jsonl"
