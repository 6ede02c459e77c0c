"""Input readers: paper records from every supported format, one :class:`kg.model.Paper` each.

``read_records(paths)`` streams papers in input order; ``format=None`` detects each
file's format (``detect_format``). Each paper gets ``sources=[format]`` and
``origin="FILE:LINE"`` (the line its record starts on). A malformed record raises
``kg.errors.InputError`` (``FILE:LINE: reason``), or with ``skip_bad=True`` is
passed to ``on_bad`` (default: a warning on stderr) and skipped.

>>> import tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "papers.jsonl")
>>> _ = open(path, "w").write('{"id": "p1", "title": "A Paper"}\\n{"id": "p2"}\\n')
>>> [p.title for p in read_records([path], skip_bad=True, on_bad=lambda e: print(e.reason))]
missing title
['A Paper']
"""
from __future__ import annotations

import os
from typing import Callable, Iterator

from kg.errors import InputError, UsageError
from kg.model import Paper
from loaders.readers import arxiv, csv_table, hf_api, hf_page, jsonl, openalex, s2, s2orc
from loaders.readers.common import BadRecord, Source, warn
from loaders.readers.detect import detect_format
from loaders.readers.jsonio import json_records

# format name -> (file -> (line, raw record) pairs, raw record -> Paper)
READERS = {
    "hf-page": (hf_page.records, hf_page.to_paper),
    "hf-api": (json_records, hf_api.to_paper),
    "arxiv": (json_records, arxiv.to_paper),
    "s2": (json_records, s2.to_paper),
    "s2orc": (json_records, s2orc.to_paper),
    "openalex": (json_records, openalex.to_paper),
    "jsonl": (json_records, jsonl.to_paper),
    "csv": (csv_table.records, csv_table.to_paper),
}
FORMATS = tuple(READERS)

__all__ = ["FORMATS", "detect_format", "read_records"]


def read_records(paths, format: str | None = None, skip_bad: bool = False,
                 on_bad: Callable[[InputError], None] | None = None) -> Iterator[Paper]:
    """One paper per input record of every file in ``paths``, in input order."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if format is not None and format not in READERS:
        raise UsageError(f"unknown input format {format!r}; choose one of {', '.join(FORMATS)}")
    report = on_bad or (lambda error: warn(f"skipped {error}"))
    for path in paths:
        yield from _read_file(str(path), format or detect_format(path), skip_bad, report)


def _read_file(path: str, name: str, skip_bad: bool, report: Callable) -> Iterator[Paper]:
    records, to_paper = READERS[name]
    try:
        for line, raw in records(Source(path)):
            try:
                paper = _paper(raw, to_paper)
            except BadRecord as bad:
                error = InputError(path, line, bad.reason)
                if not skip_bad:
                    raise error from None
                report(error)
                continue
            paper.sources, paper.origin = [name], f"{path}:{line}"
            yield paper
    except OSError as error:
        raise InputError(path, None, f"cannot read: {error.strerror}") from None


def _paper(raw, to_paper: Callable[[dict], Paper]) -> Paper:
    if isinstance(raw, BadRecord):
        raise raw
    if not isinstance(raw, dict):
        raise BadRecord(f"expected a JSON object, got {type(raw).__name__}")
    try:
        return to_paper(raw)
    except (AttributeError, KeyError, TypeError, ValueError) as error:
        # A shape no check foresaw (a number where an object belongs ...) is still one bad record.
        raise BadRecord(f"malformed record ({type(error).__name__}: {error})") from None
