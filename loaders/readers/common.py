"""What every reader shares: decoding a file, cleaning text, checking field types.

A reader module turns one file into ``(line, payload)`` pairs (``records``) and
one payload into a :class:`kg.model.Paper` (``to_paper``); a format whose records
nest other papers (references, citations) has ``to_papers``, the record's paper
followed by the nested ones (see :func:`cited`). A payload that cannot become a
paper is reported by raising (or yielding) :class:`BadRecord`; the dispatcher in
``loaders.readers`` turns it into ``kg.errors.InputError``.

>>> clean_title("  Attention\\x00 Is\\n All  You Need ")
'Attention Is All You Need'
>>> clean_abstract(" We propose\\x07 X.\\n\\nIt works. ")
'We propose X.\\n\\nIt works.'
"""
from __future__ import annotations

import re
import sys
from datetime import date
from typing import Callable, Iterator

from kg.model import PaperRef

TOO_DEEP = "JSON nested too deeply"
# C0/C1 control characters except tab and newline (carriage returns go too).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


class BadRecord(Exception):
    """A record that cannot become a paper; ``reason`` is short and specific."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def warn(message: str) -> None:
    """A one-line warning on stderr (readers never stop for a warning)."""
    print(f"kg: warning: {message}", file=sys.stderr)


class Source:
    """One input file, decoded as UTF-8; undecodable bytes become U+FFFD with one warning.

    Lines keep their line endings so multi-line CSV fields survive.
    """

    def __init__(self, path, quiet: bool = False):
        self.path = str(path)
        self._quiet = quiet  # format sniffing reads ahead silently; the reader warns
        self._warned: set[str] = set()

    def warn_once(self, number: int, what: str) -> None:
        """Warn about ``what`` at line ``number``, the first time only: one line per kind and file."""
        if not self._quiet and what not in self._warned:
            self._warned.add(what)
            warn(f"{self.path}:{number}: {what} (reported once per file)")

    def lines(self) -> Iterator[str]:
        """The decoded lines, streaming (line 1 loses a byte-order mark)."""
        with open(self.path, "rb") as handle:
            for number, raw in enumerate(handle, 1):
                text = self._decode(raw, number)
                yield text.lstrip("\ufeff") if number == 1 else text

    def text(self) -> str:
        """The whole decoded file (for single JSON documents and page dumps)."""
        return "".join(self.lines())

    def head(self, size: int = 65536) -> str:
        """The first ``size`` bytes, decoded leniently, for format sniffing."""
        with open(self.path, "rb") as handle:
            return handle.read(size).decode("utf-8", errors="replace").lstrip("\ufeff")

    def _decode(self, raw: bytes, number: int) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            self.warn_once(number, "undecodable bytes replaced by U+FFFD (not UTF-8)")
            return raw.decode("utf-8", errors="replace")


def clean_title(value) -> str:
    """A title on one line: control characters dropped, whitespace runs collapsed."""
    return " ".join(_CONTROL.sub("", value).split())


def clean_abstract(value) -> str:
    """An abstract kept verbatim except surrounding whitespace and control characters."""
    return _CONTROL.sub("", value).strip() if value else ""


def optional_title(raw: dict, *names: str) -> str:
    """The first present title field, cleaned, or ``""``: a record keyed by an id needs no title."""
    for name in names:
        value = raw.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise BadRecord(f"'{name}' must be a string")
        return clean_title(value)
    return ""


def guarded(convert: Callable[[dict], list], raw) -> list:
    """``convert(raw)``; whatever a shape no check foresaw raises is one bad record too."""
    if not isinstance(raw, dict):
        raise BadRecord(f"expected a JSON object, got {type(raw).__name__}")
    try:
        return convert(raw)
    except (AttributeError, KeyError, TypeError, ValueError) as error:
        # A number where an object belongs, and the like.
        raise BadRecord(f"malformed record ({type(error).__name__}: {error})") from None
    except RecursionError:  # papers nesting papers past the stack
        raise BadRecord(TOO_DEEP) from None


def cited(raw: dict, name: str, to_papers: Callable[[dict], list],
          id_ref: Callable[[object, str], PaperRef | None], found: list) -> list[PaperRef]:
    """The references listed in ``raw[name]``; the entries that are papers go to ``found``.

    An entry is an id (``id_ref(entry, name)`` makes it a reference) or a paper object
    of the record's own format. An object with a title is a paper like any other: it is
    read with ``to_papers`` and added to ``found`` with the papers it nests in turn. An
    object without a title (ids only) is a reference only: a stub unless the corpus
    holds that paper. An object that cannot be read goes to ``found`` as a BadRecord
    naming its place, so the record and its other entries are kept.
    """
    refs = []
    for number, entry in enumerate(optional_list(raw, name), 1):
        if isinstance(entry, dict):
            try:
                papers = guarded(to_papers, entry)
            except BadRecord as bad:
                found.append(BadRecord(f"'{name}' entry {number}: {bad.reason}"))
                continue
            ref = papers[0].ref()
            found.extend(papers if papers[0].title else papers[1:])
        else:
            ref = id_ref(entry, name)
        if ref is not None and ref.keys():
            refs.append(ref)
    return refs


def optional_text(raw: dict, name: str) -> str | None:
    """A string field that may be absent or null; any other type is a bad record."""
    value = raw.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise BadRecord(f"'{name}' must be a string")
    return value.strip() or None


def optional_list(raw: dict, name: str) -> list:
    """A list field that may be absent or null."""
    value = raw.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        raise BadRecord(f"'{name}' must be a list")
    return value


def optional_dict(raw: dict, name: str) -> dict:
    """An object field that may be absent or null."""
    value = raw.get(name)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadRecord(f"'{name}' must be an object")
    return value


def optional_int(raw: dict, name: str) -> int | None:
    """An integer field (digits in a string are accepted) that may be absent or null."""
    value = raw.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise BadRecord(f"'{name}' must be an integer")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    raise BadRecord(f"'{name}' must be an integer")


def iso_date(value: str | None, name: str) -> str | None:
    """``YYYY-MM-DD`` from an ISO date or timestamp; a malformed date is a bad record.

    >>> iso_date("2025-02-19T16:58:02.000Z", "publishedAt")
    '2025-02-19'
    """
    if not value:
        return None
    match = _ISO_DATE.match(value)
    try:
        return date(*map(int, match.groups())).isoformat() if match else _bad_date(name)
    except ValueError:
        return _bad_date(name)


def _bad_date(name: str):
    raise BadRecord(f"'{name}' is not a YYYY-MM-DD date")


def year_of(published: str | None) -> int | None:
    return int(published[:4]) if published else None


def author_names(items: list, name: str, key: str = "name") -> list[str]:
    """Names from a list of author objects (``{"name": ...}``) or plain strings."""
    names = []
    for item in items:
        value = item.get(key) if isinstance(item, dict) else item
        if not isinstance(value, str):
            raise BadRecord(f"'{name}' entries must be names or objects with '{key}'")
        if value.strip():
            names.append(clean_title(value))
    return names
