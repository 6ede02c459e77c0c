"""CSV (or tab-separated ``.tsv``) tables of plain paper records, one row per paper.

The header names the columns (case and surrounding spaces ignored) and must
include ``title`` or ``id``; rows are read like plain JSONL records (see ``jsonl``).
Quoted fields may span lines and be of any length, as in JSON; a record's line is
the line its row starts on.
"""
from __future__ import annotations

import csv
import sys
from typing import Iterator

from loaders.readers import jsonl
from loaders.readers.common import BadRecord, Source

to_paper = jsonl.to_paper
KEY_COLUMNS = ("title", "id")

# The csv module refuses fields over 128 KiB by default; an abstract that long is read from JSON,
# so it is read from a table too (the limit is a C long: sys.maxsize overflows it on Windows).
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def records(source: Source) -> Iterator[tuple[int, object]]:
    """``(line, row dict or BadRecord)`` for every data row."""
    dialect = "excel-tab" if source.path.lower().endswith(".tsv") else "excel"
    reader = csv.reader(source.lines(), dialect=dialect)
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        return
    except csv.Error as error:
        yield 1, BadRecord(f"invalid CSV header: {error}")
        return
    if not set(KEY_COLUMNS) & set(header):
        yield reader.line_num, BadRecord("CSV header has neither a 'title' nor an 'id' column")
        return
    yield from _rows(reader, header)


def _rows(reader, header: list[str]) -> Iterator[tuple[int, object]]:
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield start, BadRecord(f"invalid CSV: {error}")
            start = reader.line_num + 1
            continue
        if any(cell.strip() for cell in row):
            yield start, _row_record(row, header)
        start = reader.line_num + 1


def _row_record(row: list[str], header: list[str]):
    if len(row) != len(header):
        return BadRecord(f"row has {len(row)} fields, header has {len(header)}")
    return {name: cell for name, cell in zip(header, row) if cell.strip()}
