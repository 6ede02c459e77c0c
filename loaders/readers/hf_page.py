"""Hugging Face Daily Papers pages saved as text from a browser.

No one designed this layout, so the reader goes by what each line looks like:

* page chrome (``new``, ``Subscribe``, ``Daily Papers``, ...) and, before the
  first paper, the page's own date, are not papers; the first title may be
  glued to ``Subscribe`` (``SubscribeQuery-Guided Networks ...``);
* an abstract is a long line (over 200 characters, or a sentence of 20+ words
  ending in a full stop); the short line before it is its title; a long line
  right after an abstract is its next paragraph;
* after the abstract, some pages add ``  • N authors`` (or the submitting
  organisation's name), a ``·`` line and a date line: ``Feb 26``,
  ``Jul 26, 2022``, or ``Sep 10 4`` (date, then upvotes);
* blank lines between the parts are optional.

>>> lines = ["Daily Papers\\n", "\\n", "Jul 28\\n", "\\n", "A Title\\n", "\\n", "x" * 201 + "\\n",
...          "  \u2022 4 authors\\n", "\u00b7\\n", "Sep 10 4\\n"]
>>> [(line, r["title"], r["authors_count"], r["date"], r["upvotes"]) for line, r in parse(lines)]
[(5, 'A Title', 4, 'Sep 10', 4)]
"""
from __future__ import annotations

import re
from datetime import datetime
from typing import Iterable, Iterator

from kg.model import Paper
from loaders.readers.common import BadRecord, Source, clean_abstract, clean_title

# Interface text of the page (not paper titles), compared after stripping.
PAGE_CHROME = frozenset({
    "new", "Subscribe", "Daily Papers", "byAK and the research community",
    "Get trending papers in your email inbox!", "Get trending papers in your email inbox once a day!",
})
GLUED_PREFIX = "Subscribe"
ABSTRACT_MIN_CHARS = 200
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
DATE_LINE = re.compile(rf"^(?P<date>{_MONTH} \d{{1,2}}(?:, (?P<year>\d{{4}}))?)(?: (?P<upvotes>\d+))?$")
AUTHORS_LINE = re.compile(r"^\u2022\s*(?P<count>\d+)\s+authors?$")
SEPARATOR = "\u00b7"


def records(source: Source) -> Iterator[tuple[int, object]]:
    """``(title line, record dict or BadRecord)`` for every paper on the page."""
    return parse(source.lines())


def to_paper(raw: dict) -> Paper:
    """One parsed page entry as a paper (``published``/``year`` only from a full date)."""
    published = _iso(raw["date"]) if raw["date"] and raw["year"] else None
    return Paper(title=raw["title"], abstract=raw["abstract"], authors_count=raw["authors_count"],
                 date=raw["date"], published=published, year=int(raw["year"]) if published else None,
                 upvotes=raw["upvotes"])


def _iso(printed: str) -> str:
    return datetime.strptime(printed.replace("Sept ", "Sep "), "%b %d, %Y").date().isoformat()


def parse(lines: Iterable[str]) -> Iterator[tuple[int, object]]:
    """The page entries: each is yielded once the next title (or the end) shows it is complete."""
    state = _PageState()
    for number, line in enumerate(lines, 1):
        text = line.strip()
        if text:
            yield from state.feed(number, text)
    yield from state.finish()


class _PageState:
    """Where the scan is: before the first paper, inside an entry, inside its metadata."""

    def __init__(self):
        self.entry: dict | None = None  # the paper being read, yielded when the next one starts
        self.entry_line = 0
        self.title: tuple[int, str] | None = None  # a short line waiting for its abstract
        self.in_metadata = False  # after "·": the next date line belongs to the entry
        self.seen_paper = False

    def feed(self, number: int, text: str) -> Iterator[tuple[int, object]]:
        if _is_abstract(text):
            yield from self._abstract(number, text)
        elif text in PAGE_CHROME:
            pass
        elif text == SEPARATOR:
            self.title, self.in_metadata = None, True  # a line before "·" names authors, not a paper
        elif AUTHORS_LINE.match(text) and self.entry:
            self.entry["authors_count"] = int(AUTHORS_LINE.match(text)["count"])
        elif DATE_LINE.match(text) and (self.in_metadata or not self.seen_paper):
            self._date(DATE_LINE.match(text))
        else:
            yield from self._title(number, text)

    def finish(self) -> Iterator[tuple[int, object]]:
        yield from self._flush()
        if self.title:  # a last title without an abstract
            yield self.title[0], _entry(self.title[1], "")

    def _abstract(self, number: int, text: str) -> Iterator[tuple[int, object]]:
        if not self.title and self.entry and not self.in_metadata and self.entry["authors_count"] is None:
            self.entry["abstract"] += "\n" + clean_abstract(text)  # a second paragraph
            return
        yield from self._flush()
        if not self.title:
            yield number, BadRecord("abstract without a title line before it")
            return
        self.entry_line, title = self.title
        self.entry, self.title, self.seen_paper = _entry(title, clean_abstract(text)), None, True

    def _title(self, number: int, text: str) -> Iterator[tuple[int, object]]:
        if not self.seen_paper and text.startswith(GLUED_PREFIX) and text[len(GLUED_PREFIX):][:1].isupper():
            text = text[len(GLUED_PREFIX):]
        if self.title:  # two titles in a row: the first paper has no abstract on the page
            yield from self._flush()
            yield self.title[0], _entry(self.title[1], "")
        title = clean_title(text)
        self.title = (number, title) if title else None

    def _date(self, match: re.Match) -> None:
        self.in_metadata = False
        if self.entry and self.seen_paper:
            self.entry.update(date=match["date"], year=match["year"],
                              upvotes=int(match["upvotes"]) if match["upvotes"] else None)

    def _flush(self) -> Iterator[tuple[int, object]]:
        if self.entry:
            yield self.entry_line, self.entry
        self.entry, self.in_metadata = None, False


def _is_abstract(text: str) -> bool:
    if len(text) > ABSTRACT_MIN_CHARS:
        return True
    return text.endswith(".") and len(text.split()) >= 20


def _entry(title: str, abstract: str) -> dict:
    return {"title": title, "abstract": abstract, "authors_count": None, "date": None,
            "year": None, "upvotes": None}
