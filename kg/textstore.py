"""The text of a mirror: abstracts and evidence sentences in ``text.sqlite``, read by key when asked.

graph.json holds the structure (ids, labels, names, offsets, counts); the long strings, each Paper
node's ``abstract`` and each extracted relationship's evidence ``sentence``, live in one SQLite file
beside it, in the same mirror generation. Reading the structure then costs a fraction of the text's
memory, and whatever shows text (the ``evidence`` and ``proposer_of`` twins, view tooltips, `kg load`,
`kg export`) fetches the few strings it needs by key.

SQLite (the standard library's ``sqlite3``): random access by key through a B-tree, a file written
in one transaction, no new dependency, and a format that is documented, stable and well kept.

A graph read from a directory without its text remembers where the text is (:func:`attach`); the
helpers here give an item's text from its attributes when it has it inline (a graph built in memory),
else from the attached store:

>>> import networkx as nx, tempfile, os
>>> G = nx.MultiDiGraph()
>>> G.add_node("paper:1", label="Paper", abstract="We use CLIP. It works.")
>>> G.add_edge("paper:1", "method:clip", key="USES", type="USES", sentence="We use CLIP.")
'USES'
>>> path = os.path.join(tempfile.mkdtemp(), STORE_FILE)
>>> write(G, path)
>>> H = nx.MultiDiGraph([("paper:1", "method:clip", "USES")])
>>> attach(H, TextStore(path))
>>> abstract(H, "paper:1"), sentence(H, "paper:1", "method:clip", "USES")
('We use CLIP. It works.', 'We use CLIP.')
"""
from __future__ import annotations

import os
import sqlite3
import weakref
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import quote

import networkx as nx

STORE_FILE = "text.sqlite"
NODE_TEXT = "abstract"  # the node attribute kept in the store
EDGE_TEXT = "sentence"  # the edge attribute kept in the store
ROWS_PER_INSERT = 10_000
# An abstract is about 1 KB: 4 KB pages hold three and waste a sixth of the table; at 1M papers 16 KB
# pages and a rebuild once written (:func:`compact`) take the store from 4.42 to 4.06 GB.
PAGE_SIZE = 16384

# Node ids and edge keys are declared without a type, so SQLite stores them as the graph has them
# (a key 0 stays an integer). Evidence points at a sentence by number: the relationships of one
# paper found in one sentence share one copy of it (475,614 sentences for 844,779 relationships at
# 100k papers).
_SCHEMA = """
CREATE TABLE abstracts (node NOT NULL, abstract TEXT NOT NULL);
CREATE TABLE sentences (id INTEGER PRIMARY KEY, sentence TEXT NOT NULL);
CREATE TABLE evidence (source NOT NULL, target NOT NULL, key NOT NULL, sentence INTEGER NOT NULL,
                       PRIMARY KEY (source, target, key)) WITHOUT ROWID;
"""
_INDEXES = "CREATE UNIQUE INDEX abstracts_node ON abstracts (node);"
_ONE_ABSTRACT = "SELECT abstract FROM abstracts WHERE node = ?"
_ONE_SENTENCE = ("SELECT s.sentence FROM evidence e JOIN sentences s ON s.id = e.sentence "
                 "WHERE e.source = ? AND e.target = ? AND e.key = ?")
_SENTENCES_FROM = ("SELECT e.target, e.key, s.sentence FROM evidence e JOIN sentences s ON s.id = e.sentence "
                   "WHERE e.source = ?")
_ALL_ABSTRACTS = "SELECT node, abstract FROM abstracts"
_ALL_SENTENCES = ("SELECT e.source, e.target, e.key, s.sentence FROM evidence e "
                  "JOIN sentences s ON s.id = e.sentence ORDER BY e.source")


def connect_read_only(path: str | os.PathLike) -> sqlite3.Connection:
    """A read-only connection to the store at ``path``. immutable=1: no locks or journal checks (a
    generation never changes once written); the open file stays readable after a newer generation
    replaces this one and its folder is deleted."""
    uri = f"file:{quote(str(Path(path).resolve()))}?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


class TextStore:
    """A mirror generation's ``text.sqlite``, open read-only."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._db = connect_read_only(self.path)
        self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # not a database: fail on open

    def abstract(self, node) -> str | None:
        row = self._db.execute(_ONE_ABSTRACT, (node,)).fetchone()
        return row[0] if row else None

    def sentence(self, source, target, key) -> str | None:
        row = self._db.execute(_ONE_SENTENCE, (source, target, key)).fetchone()
        return row[0] if row else None

    def sentences_from(self, source) -> dict[tuple, str]:
        """``{(target, key): sentence}`` of every relationship from ``source`` that has one."""
        return {(target, key): text for target, key, text in self._db.execute(_SENTENCES_FROM, (source,))}

    def abstracts(self) -> Iterator[tuple]:
        """Every ``(node, abstract)``."""
        return self._db.execute(_ALL_ABSTRACTS)

    def sentences(self) -> Iterator[tuple]:
        """Every ``(source, target, key, sentence)``, grouped by source."""
        return self._db.execute(_ALL_SENTENCES)

    def close(self) -> None:
        self._db.close()


_ATTACHED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def attach(G: nx.MultiDiGraph, store: TextStore) -> None:
    """Let the text helpers find the text ``G`` was read without in ``store``."""
    _ATTACHED[G] = store


def store_of(G: nx.MultiDiGraph) -> TextStore | None:
    return _ATTACHED.get(G)


def abstract(G: nx.MultiDiGraph, node) -> str | None:
    """``node``'s abstract: its attribute, else the attached store's."""
    attrs = G.nodes[node]
    if NODE_TEXT in attrs or (store := store_of(G)) is None:
        return attrs.get(NODE_TEXT)
    return store.abstract(node)


def sentence(G: nx.MultiDiGraph, source, target, key, attrs: dict | None = None) -> str | None:
    """The evidence sentence of relationship ``(source, target, key)``: its attribute, else the store's."""
    attrs = G.edges[source, target, key] if attrs is None else attrs
    if EDGE_TEXT in attrs or (store := store_of(G)) is None:
        return attrs.get(EDGE_TEXT)
    return store.sentence(source, target, key)


def nodes_with_text(G: nx.MultiDiGraph) -> Iterator[tuple]:
    """``(node, attrs)`` of every node, with its abstract when the store has one (a new dict then)."""
    store = store_of(G)
    for node, attrs in G.nodes(data=True):
        text = None if store is None or NODE_TEXT in attrs else store.abstract(node)
        yield node, attrs if text is None else {**attrs, NODE_TEXT: text}


def edges_with_text(G: nx.MultiDiGraph) -> Iterator[tuple]:
    """``(source, target, key, attrs)`` of every relationship, with its sentence when the store has one;
    one query per source node, not per relationship."""
    store = store_of(G)
    if store is None:  # nothing to add: no lookups by node (a GraphStream has none)
        yield from G.edges(keys=True, data=True)
        return
    for source in G:
        found = store.sentences_from(source) if G.succ[source] else {}
        for target, keyed in G.succ[source].items():
            for key, attrs in keyed.items():
                text = None if EDGE_TEXT in attrs else found.get((target, key))
                yield source, target, key, attrs if text is None else {**attrs, EDGE_TEXT: text}


def load_into(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Set every abstract and sentence of the attached store as attributes of ``G`` (in place)."""
    store = store_of(G)
    if store is not None:
        nodes, edges = G.nodes, G.edges
        for node, text in store.abstracts():
            if node in nodes and NODE_TEXT not in nodes[node]:
                nodes[node][NODE_TEXT] = text
        for source, target, key, text in store.sentences():
            if G.has_edge(source, target, key) and EDGE_TEXT not in edges[source, target, key]:
                edges[source, target, key][EDGE_TEXT] = text
    return G


def _abstract_rows(G: nx.MultiDiGraph) -> Iterator[tuple]:
    """``(node, abstract)`` of ``G``'s nodes: inline ones, then those the attached store adds."""
    for node, attrs in G.nodes(data=True):
        if attrs.get(NODE_TEXT) is not None:
            yield node, attrs[NODE_TEXT]
    if (store := store_of(G)) is not None:
        yield from ((node, text) for node, text in store.abstracts()
                    if node in G and NODE_TEXT not in G.nodes[node])


def _sentence_rows(G: nx.MultiDiGraph) -> Iterator[tuple]:
    """``(source, target, key, sentence)`` of ``G``'s relationships, grouped by source: inline ones,
    then those the attached store adds."""
    for source, target, key, attrs in G.edges(keys=True, data=True):
        if attrs.get(EDGE_TEXT) is not None:
            yield source, target, key, attrs[EDGE_TEXT]
    if (store := store_of(G)) is not None:
        yield from (row for row in store.sentences()
                    if G.has_edge(*row[:3]) and EDGE_TEXT not in G.edges[row[:3]])


def _numbered(rows: Iterable[tuple]) -> Iterator[tuple[tuple | None, tuple]]:
    """Per evidence row, ``(new sentence row or None, evidence row)``: a source's repeated sentence
    points at the number its first occurrence got."""
    numbers: dict[str, int] = {}
    last_source, count = object(), 0
    for source, target, key, text in rows:
        if source != last_source:
            numbers, last_source = {}, source
        number = numbers.get(text)
        new = None
        if number is None:
            count += 1
            number = numbers[text] = count
            new = (number, text)
        yield new, (source, target, key, number)


def write(G: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    """Write the text of ``G`` (inline, or from its attached store) as a new store at ``path``."""
    db = sqlite3.connect(path)
    try:
        db.executescript(f"PRAGMA page_size = {PAGE_SIZE}; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                         + _SCHEMA)
        with db:
            rows = _abstract_rows(G)
            while chunk := list(islice(rows, ROWS_PER_INSERT)):
                db.executemany("INSERT INTO abstracts VALUES (?, ?)", chunk)
            numbered = _numbered(_sentence_rows(G))
            while chunk := list(islice(numbered, ROWS_PER_INSERT)):
                db.executemany("INSERT INTO sentences VALUES (?, ?)", [new for new, _ in chunk if new])
                db.executemany("INSERT INTO evidence VALUES (?, ?, ?, ?)", [row for _, row in chunk])
        db.executescript(_INDEXES)  # after the rows: one sort instead of an index updated per insert
    finally:
        db.close()
    _sync(path)  # synchronous=OFF wrote without syncing; the generation swap needs it on disk


def compact(path: str | os.PathLike) -> None:
    """Rebuild the store at ``path`` once every table is in, its pages full: rows inserted out of key
    order (``kg.sqltwins``' tables are keyed by entity, written paper by paper) leave pages part
    empty. ``VACUUM INTO`` a file beside it, then a rename: one copy written, none through /tmp."""
    path = Path(path)
    packed = path.with_name(f".{path.name}.packed")
    packed.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    try:
        db.execute("VACUUM INTO ?", (str(packed),))
    finally:
        db.close()
    _sync(packed)
    os.replace(packed, path)


def _sync(path: str | os.PathLike) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())
