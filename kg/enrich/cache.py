"""The enrich answer cache: what an API said about each lookup, kept on disk as it arrives.

One JSON Lines file per source (``s2.jsonl``, ``openalex.jsonl``), one line per answer:
``{"key": "match:title:attention-is-all-you-need", "value": {...}}``; ``value`` is ``null`` for
"the API does not know it" (a 404, a ``null`` in a batch), which is an answer too. A line is
appended and flushed the moment its answer arrives, so an interrupted run keeps everything it
got and the next run asks only for the rest. Requests that failed are not answers and are not
kept: the next run tries them again. Nothing secret is stored: keys name what was looked up,
never how (no URL, no header, no API key).

>>> import tempfile
>>> d = tempfile.mkdtemp()
>>> with AnswerCache(d, "s2") as cache:
...     cache.put("paper:arXiv:1706.03762", {"paperId": "x"})
>>> with AnswerCache(d, "s2") as cache:
...     cache.get("paper:arXiv:1706.03762"), "paper:DOI:10.1/y" in cache
({'paperId': 'x'}, False)
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Callable

from kg.enrich.client import NotFound

# Bumped when the fields kg asks for change, so old answers missing them are not reused.
FORMAT = "v1"


class AnswerCache:
    """Answers by lookup key, read from ``directory/<source>.jsonl`` and appended to it."""

    def __init__(self, directory: str | os.PathLike, source: str):
        self.path = Path(directory) / f"{source}.{FORMAT}.jsonl"
        self.answers = self._read()
        self.hits = 0
        self._handle = None

    def _read(self) -> dict:
        answers = {}
        if not self.path.is_file():
            return answers
        with open(self.path, encoding="utf-8") as handle:
            for line in handle:
                try:
                    item = json.loads(line)
                    answers[item["key"]] = item["value"]
                except (json.JSONDecodeError, KeyError, TypeError):
                    continue  # the half-written last line of an interrupted run
        return answers

    def __contains__(self, key: str) -> bool:
        return key in self.answers

    def get(self, key: str):
        """The cached answer (``None`` for a known absence); check ``key in cache`` first."""
        self.hits += 1
        return self.answers[key]

    def answer(self, key: str, ask: Callable[[], object]):
        """The cached answer for ``key``, else what ``ask()`` returns (``None`` if it raises NotFound), kept.

        Any other exception of ``ask`` propagates and nothing is kept.
        """
        if key in self.answers:
            return self.get(key)
        try:
            value = ask()
        except NotFound:
            value = None
        self.put(key, value)
        return value

    def put(self, key: str, value) -> None:
        """Keep an answer, on disk at once."""
        self.answers[key] = value
        if self._handle is None:
            self._handle = self._open_for_append()
        self._handle.write(json.dumps({"key": key, "value": value}, ensure_ascii=False) + "\n")
        self._handle.flush()

    def _open_for_append(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        half_line = False
        if self.path.is_file() and self.path.stat().st_size:
            with open(self.path, "rb") as raw:
                raw.seek(-1, os.SEEK_END)
                half_line = raw.read(1) != b"\n"
        handle = open(self.path, "a", encoding="utf-8")
        if half_line:
            handle.write("\n")  # end an interrupted run's half line so the next answer starts afresh
        return handle

    def close(self) -> None:
        if self._handle is not None:
            os.fsync(self._handle.fileno())
            self._handle.close()
            self._handle = None

    def __enter__(self) -> "AnswerCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
