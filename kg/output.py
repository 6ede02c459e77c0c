"""Writing files without the graph machinery (networkx, the mirror), so ``kg extract`` starts without it:
a file replaced atomically, and the ``kg extract`` lines of mentions."""
from __future__ import annotations

import gzip
import io
import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterable, TextIO

# gzip level of the mirror's compressed files: level 3 takes 200 MB of graph.json or mentions to 40 or
# 27 MB in under 2 s; level 6 gains 15% for three times the time
GZIP_LEVEL = 3


def umask() -> int:
    mask = os.umask(0)  # the only way to read it is to set it
    os.umask(mask)
    return mask


def gzip_text(target: str | os.PathLike | BinaryIO) -> TextIO:
    """A UTF-8 text handle writing ``target`` (a path or an open binary file) gzip-compressed; no time in
    the header, so the same text gives the same bytes."""
    if isinstance(target, (str, os.PathLike)):
        return io.TextIOWrapper(gzip.GzipFile(target, "wb", GZIP_LEVEL, mtime=0), encoding="utf-8")
    return io.TextIOWrapper(gzip.GzipFile(fileobj=target, mode="wb", compresslevel=GZIP_LEVEL, mtime=0),
                            encoding="utf-8")


@contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8"):
    """Open a temporary file beside ``path``; rename it over ``path`` only on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.chmod(tmp, 0o666 & ~umask())  # mkstemp makes 0600; the result should be as shareable as open()'s
    try:
        with os.fdopen(fd, mode, encoding=encoding if "b" not in mode else None) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def write_mentions(handle, papers, mentions) -> None:
    """The `kg extract` contract lines of every merged paper, in build order."""
    for paper, paper_mentions in zip(papers, mentions):
        handle.write(contract_line(paper.record_id or paper.key, paper_mentions))


def contract_line(record: str, mentions: Iterable) -> str:
    """A paper's line of the `kg extract` contract (mentions.jsonl): its id and its mentions but links."""
    entities = ", ".join(m.contract_json() for m in mentions if m.type != "link")
    return f'{{"id": {_encode(record)}, "entities": [{entities}]}}\n'


_encode = json.JSONEncoder(ensure_ascii=False).encode  # what json.dumps(..., ensure_ascii=False) calls
