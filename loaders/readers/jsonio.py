"""Records from JSON input: JSON Lines (streamed) or one JSON document (loaded whole).

Every JSON-based format accepts the same containers, so the record shapes are
found here once: a bare object, a list of objects, ``{"data": [...]}`` (Semantic
Scholar search, batch and citation endpoints), ``{"meta": ..., "results": [...]}``
(OpenAlex pages), and citation-endpoint items ``{"citingPaper": {...}}`` /
``{"citedPaper": {...}}`` unwrapped to the paper inside. Each record carries the
line its object starts on.

Two things JSON can say that the rest of kg cannot hold are dealt with here: a value
nested deeper than Python's recursion limit is a bad record ("JSON nested too
deeply"), and a lone surrogate escape (``"\\ud800"``, which no UTF-8 output can
encode) becomes U+FFFD, with one warning per file.

>>> import tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "page.json")
>>> _ = open(path, "w").write('{"meta": {"count": 2},\\n "results": [\\n  {"id": 1},\\n  {"id": 2}]}')
>>> [(line, rec) for line, rec in json_records(Source(path))]
[(3, {'id': 1}), (4, {'id': 2})]
"""
from __future__ import annotations

import bisect
import json
import re
from typing import Iterator

from loaders.readers.common import TOO_DEEP, BadRecord, Source

CONTAINER_KEYS = ("data", "results")
WRAPPER_KEYS = ("citingPaper", "citedPaper")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
_WHITESPACE = " \t\r\n"
_decoder = json.JSONDecoder()
# A \uD800-\uDFFF escape in the raw text: only then can a parsed string hold a lone surrogate.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")

Record = tuple[int, object]


def json_records(source: Source) -> Iterator[Record]:
    """``(line, record or BadRecord)`` for every paper object in a JSON or JSONL file."""
    lines = source.lines()
    consumed = []
    for line in lines:
        consumed.append(line)
        if line.strip():
            break
    first = consumed[-1].strip() if consumed else ""
    if not first:
        return
    if _is_jsonl(source.path, first):
        yield from _jsonl_records(source, consumed, lines)
    else:
        yield from _document_records(source, "".join(consumed) + "".join(lines))


def _is_jsonl(path: str, first_line: str) -> bool:
    if path.lower().endswith(JSONL_SUFFIXES):
        return True
    try:
        json.loads(first_line)
        return True
    except RecursionError:
        return True  # one whole (if too deep) value on the line
    except json.JSONDecodeError:
        # A broken first record of a JSON Lines file still looks like one object.
        return len(first_line) > 1 and first_line[0] == "{" and first_line[-1] == "}"


def _jsonl_records(source: Source, consumed: list[str], rest: Iterator[str]) -> Iterator[Record]:
    number = 0
    for chunk in (consumed, rest):
        for line in chunk:
            number += 1
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as error:
                yield number, BadRecord(f"invalid JSON: {error.msg}")
                continue
            except RecursionError:
                yield number, BadRecord(TOO_DEEP)
                continue
            for item in _records_in(source, number, value, _SURROGATE_ESCAPE.search(line)):
                yield number, item


def _records_in(source: Source, number: int, value, escapes) -> list:
    """The paper objects of one parsed value; lone surrogates replaced when its text had ``escapes``."""
    try:
        items = _unwrap(value)
        if escapes and _SURROGATE.search(json.dumps(items, ensure_ascii=False, default=repr)):  # repr: BadRecords
            source.warn_once(number, "lone surrogate escapes replaced by U+FFFD")
            items = _without_surrogates(items)
        return items
    except RecursionError:  # parsed within the limit, but too deep to walk
        return [BadRecord(TOO_DEEP)]


def _without_surrogates(value):
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {_without_surrogates(key): _without_surrogates(item) for key, item in value.items()}
    return value


def _unwrap(value) -> list:
    """The paper objects inside one parsed value (containers and wrappers opened)."""
    if isinstance(value, list):
        return [item for element in value for item in _unwrap(element)]
    if isinstance(value, dict):
        for key in CONTAINER_KEYS:
            if isinstance(value.get(key), list):
                return _unwrap(value[key])
        for key in WRAPPER_KEYS:
            if isinstance(value.get(key), dict):
                return [value[key]]
        return [value]
    return [BadRecord(f"expected a JSON object, got {type(value).__name__}")]


def _document_records(source: Source, text: str) -> Iterator[Record]:
    newlines = [i for i, char in enumerate(text) if char == "\n"]

    def line_of(offset: int) -> int:
        return bisect.bisect_left(newlines, offset) + 1

    try:
        items = _top_level_items(text)
    except json.JSONDecodeError as error:
        reason = TOO_DEEP if error.msg == TOO_DEEP else f"invalid JSON: {error.msg}"
        yield error.lineno, BadRecord(reason)
        return
    escapes = _SURROGATE_ESCAPE.search(text)
    for offset, value in items:
        for item in _records_in(source, line_of(offset), value, escapes):
            yield line_of(offset), item


def _top_level_items(text: str) -> list[tuple[int, object]]:
    """``(offset, value)`` of each record in a document: array elements keep their own offsets."""
    start = _skip(text, 0)
    if text.startswith("[", start):
        items, end = _array(text, start)
    elif text.startswith("{", start):
        members, end = _object(text, start)
        items = next((members[key][1] for key in CONTAINER_KEYS
                      if key in members and isinstance(members[key][1], list)), None)
        if items is None:
            items = [(start, {key: _plain(value) for key, (_, value) in members.items()})]
    else:
        value, end = _decode(text, start)
        items = [(start, value)]
    if _skip(text, end) != len(text):
        raise json.JSONDecodeError("Extra data", text, _skip(text, end))
    return items


def _decode(text: str, index: int) -> tuple[object, int]:
    """The value at ``index``; one nested past the recursion limit fails like a syntax error there."""
    try:
        return _decoder.raw_decode(text, index)
    except RecursionError:
        raise json.JSONDecodeError(TOO_DEEP, text, index) from None


def _plain(value):
    """A container member parsed by :func:`_array` back to a plain list."""
    if isinstance(value, list) and value and isinstance(value[0], tuple):
        return [item for _, item in value]
    return value


def _skip(text: str, index: int) -> int:
    while index < len(text) and text[index] in _WHITESPACE:
        index += 1
    return index


def _expect(text: str, index: int, chars: str) -> int:
    if index >= len(text) or text[index] not in chars:
        expected = " or ".join(repr(c) for c in chars)
        raise json.JSONDecodeError(f"Expecting {expected}", text, index)
    return index


def _array(text: str, index: int) -> tuple[list[tuple[int, object]], int]:
    """Elements of the array at ``index`` with their offsets, and the end offset."""
    items = []
    index = _skip(text, index + 1)
    if text.startswith("]", index):
        return items, index + 1
    while True:
        value, end = _decode(text, index)
        items.append((index, value))
        index = _expect(text, _skip(text, end), ",]")
        if text[index] == "]":
            return items, index + 1
        index = _skip(text, index + 1)


def _object(text: str, index: int) -> tuple[dict[str, tuple[int, object]], int]:
    """Members of the object at ``index``; container arrays keep element offsets."""
    members = {}
    index = _skip(text, index + 1)
    if text.startswith("}", index):
        return members, index + 1
    while True:
        key, end = _decode(text, _expect(text, index, '"'))
        index = _skip(text, _expect(text, _skip(text, end), ":") + 1)
        if key in CONTAINER_KEYS and text.startswith("[", index):
            value, end = _array(text, index)
        else:
            value, end = _decode(text, index)
        members[key] = (index, value)
        index = _expect(text, _skip(text, end), ",}")
        if text[index] == "}":
            return members, index + 1
        index = _skip(text, index + 1)
