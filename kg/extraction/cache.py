"""Extraction results kept between builds, so a build extracts only papers it has not seen.

A paper's mentions depend only on its title and abstract and on the extractor (its code and data
files), so they are stored under a key of those: a changed abstract, rule or word list is a new
key, and a stale entry is never read. ``kg build --out DIR`` keeps the cache in
``DIR/.kg-cache/extractions.sqlite``; ``kg add`` is a build of the old and the new inputs that
finds every old paper here and extracts only the new ones.

SQLite (the standard library's ``sqlite3``) because the cache is a key-value table read and
written by key in batches, must survive an interrupted build (each batch is one transaction),
and adds no dependency.

>>> import tempfile
>>> from kg.model import Paper
>>> cache = ExtractionCache(tempfile.mkdtemp() + "/extractions.sqlite")
>>> papers = [Paper(title="CLIP for X", abstract="We fine-tune CLIP.")]
>>> [m.canonical for m in next(cache.pipe(papers))]
['CLIP', 'CLIP']
>>> cache.extracted, [m.canonical for m in next(cache.pipe(papers))], cache.extracted
(1, ['CLIP', 'CLIP'], 1)
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

from kg import __version__
from kg.extraction.extractor import mention_from_row, mention_row
from kg.model import Mention, Paper

CACHE_DIR = ".kg-cache"
CACHE_FILE = "extractions.sqlite"
BATCH = 2048  # papers looked up, extracted and stored per transaction


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """A hash of kg's version and of every file of ``kg/extraction`` (rules and word lists)."""
    digest = hashlib.sha256(__version__.encode())
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".json", ".txt"):
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def paper_key(paper: Paper) -> str:
    """The cache key of a paper's mentions: the extractor and the text it reads."""
    text = f"{extractor_fingerprint()}\0{paper.title or ''}\0{paper.abstract or ''}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _mentions(rows: list) -> list[Mention]:
    """Fresh Mention objects (resolution sets fields on them in place), one evidence string per sentence."""
    sentences: dict[str, str] = {}
    return [mention_from_row([*row[:8], sentences.setdefault(row[8], row[8]), row[9]]) for row in rows]


class ExtractionCache:
    """Mentions per paper, by :func:`paper_key`, in one SQLite file."""

    def __init__(self, path: str | os.PathLike):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.path = Path(path)
        self.extracted = 0  # papers this cache had to extract, over its lifetime
        with self._connect() as db:
            db.execute("CREATE TABLE IF NOT EXISTS mentions (key TEXT PRIMARY KEY, rows TEXT NOT NULL)")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=60)

    def pipe(self, papers: Iterable[Paper], workers: int = 1) -> Iterator[list[Mention]]:
        """One list of mentions per paper, in input order, as ``Extractor().pipe`` gives them; only
        papers the cache lacks are extracted (the extractor is loaded only if one is)."""
        extractor = None
        iterator = iter(papers)
        while batch := list(islice(iterator, BATCH)):
            keys = [paper_key(paper) for paper in batch]
            found = self._get(set(keys))
            missing = {key: paper for key, paper in zip(keys, batch) if key not in found}
            if missing:
                if extractor is None:
                    from kg.extraction import Extractor
                    extractor = Extractor()
                new = {key: [mention_row(m) for m in mentions]
                       for key, mentions in zip(missing, extractor.pipe(missing.values(), workers=workers))}
                self._put(new)
                self.extracted += len(missing)
                found.update(new)
            for key in keys:
                yield _mentions(found[key])

    def _get(self, keys: set[str]) -> dict[str, list]:
        found: dict[str, list] = {}
        ordered = sorted(keys)
        with self._connect() as db:
            for start in range(0, len(ordered), 500):  # SQLite's limit on bound parameters is 999 (older builds)
                chunk = ordered[start:start + 500]
                query = f"SELECT key, rows FROM mentions WHERE key IN ({','.join('?' * len(chunk))})"
                found.update((key, json.loads(rows)) for key, rows in db.execute(query, chunk))
        return found

    def _put(self, rows: dict[str, list]) -> None:
        with self._connect() as db:  # one transaction: an interrupted build leaves whole entries only
            db.executemany("INSERT OR REPLACE INTO mentions (key, rows) VALUES (?, ?)",
                           [(key, json.dumps(paper_rows, ensure_ascii=False)) for key, paper_rows in rows.items()])
