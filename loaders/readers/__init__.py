"""Input readers: paper records from every supported format, one :class:`kg.model.Paper` each.

``read_records(paths)`` streams papers in input order; ``format=None`` detects each
file's format (``detect_format``). A record that nests papers (Semantic Scholar
references and citations with their titles ...) gives its own paper first, then
each nested one. Each paper gets ``sources=[format]`` and ``origin="FILE:LINE"``
(the line its record starts on). A record needs a title or an id (something to
key its paper on). A malformed record raises ``kg.errors.InputError`` (``FILE:LINE:
reason``), or with ``skip_bad=True`` is passed to ``on_bad`` (default: a warning on
stderr) and skipped; if every record was bad, the last one still raises. ``quiet=True`` (a second
reading of the same input) reports nothing: no warnings, and bad records are skipped silently.

>>> import tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "papers.jsonl")
>>> _ = open(path, "w").write('{"id": "p1", "title": "A Paper"}\\n{"abstract": "No key."}\\n{"id": "p3"}\\n')
>>> [p.key for p in read_records([path], skip_bad=True, on_bad=lambda e: print(e.reason))]
no title and no id
['id:p1', 'id:p3']
"""
from __future__ import annotations

import os
from typing import Callable, Iterator

from kg.errors import InputError, UsageError
from kg.model import Paper
from loaders.readers import arxiv, csv_table, hf_api, hf_page, jsonl, openalex, s2, s2orc
from loaders.readers.common import BadRecord, Source, guarded, warn
from loaders.readers.detect import detect_format
from loaders.readers.jsonio import json_records


def _alone(to_paper: Callable[[dict], Paper]) -> Callable[[dict], list]:
    """``to_papers`` of a format whose records nest no papers."""
    return lambda raw: [to_paper(raw)]


# format name -> (file -> (line, raw record) pairs, raw record -> [its paper, *nested papers])
READERS = {
    "hf-page": (hf_page.records, _alone(hf_page.to_paper)),
    "hf-api": (json_records, _alone(hf_api.to_paper)),
    "arxiv": (json_records, _alone(arxiv.to_paper)),
    "s2": (json_records, s2.to_papers),
    "s2orc": (json_records, s2orc.to_papers),
    "openalex": (json_records, openalex.to_papers),
    "jsonl": (json_records, _alone(jsonl.to_paper)),
    "csv": (csv_table.records, _alone(csv_table.to_paper)),
}
FORMATS = tuple(READERS)

__all__ = ["FORMATS", "detect_format", "read_records"]


def read_records(paths, format: str | None = None, skip_bad: bool = False,
                 on_bad: Callable[[InputError], None] | None = None, quiet: bool = False) -> Iterator[Paper]:
    """One paper per input record (then its nested papers) of every file in ``paths``, in input order."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if format is not None and format not in READERS:
        raise UsageError(f"unknown input format {format!r}; choose one of {', '.join(FORMATS)}")
    skipped = []

    def report(error: InputError) -> None:
        skipped[:] = [error]
        if not quiet:
            (on_bad or (lambda error: warn(f"skipped {error}")))(error)

    read = 0
    for path in paths:
        for paper in _read_file(str(path), format or detect_format(path), skip_bad, report, quiet):
            read += 1
            yield paper
    if skipped and not read:
        # Skipping every record would make an empty graph (or an empty output) look like success.
        raise InputError(skipped[0].path, skipped[0].line, f"{skipped[0].reason} (and no record was readable)")


def _read_file(path: str, name: str, skip_bad: bool, report: Callable, quiet: bool) -> Iterator[Paper]:
    records, to_papers = READERS[name]
    try:
        for line, raw in records(Source(path, quiet)):
            for paper in _papers(raw, to_papers):
                if isinstance(paper, BadRecord):
                    error = InputError(path, line, paper.reason)
                    if not skip_bad:
                        raise error from None
                    report(error)
                    continue
                paper.sources, paper.origin = [name], f"{path}:{line}"
                yield paper
    except OSError as error:
        raise InputError(path, None, f"cannot read: {error.strerror}") from None


def _papers(raw, to_papers: Callable[[dict], list]) -> list:
    """The papers of one raw record, each bad part a BadRecord in its place."""
    if isinstance(raw, BadRecord):
        return [raw]
    try:
        papers = guarded(to_papers, raw)
    except BadRecord as bad:
        return [bad]
    if not papers[0].ref().keys():
        return [BadRecord("no title and no id")]
    return papers
