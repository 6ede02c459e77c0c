"""The NetworkX mirror: read and write a graph directory.

A mirror directory holds ``graph.json.gz`` (node-link JSON of the structure, what kg
reads back, gzip-compressed: a third of a 1M-paper directory otherwise), ``text.sqlite`` (the abstracts and evidence sentences, :mod:`kg.textstore`, and
the entity tables :mod:`kg.sqltwins` answers entity queries from),
``graph.graphml`` (the whole graph for Gephi, yEd, Cytoscape; left out above
:data:`GRAPHML_MAX_ITEMS` unless asked for), ``manifest.json`` and whatever extra
files the writer adds (``kg build`` adds ``mentions.jsonl.gz``).

The files of one write must change together: a manifest describing the new graph
beside the old graph file is a torn mirror. So a write fills a fresh generation
folder ``.generations/<n>/``, then swaps the one symlink ``.generations/current``
onto it with a rename (atomic on POSIX); ``graph.json.gz`` and its siblings are fixed
symlinks into ``current``. An interrupted write leaves the old mirror whole (or,
on a first write, no graph file), never a mix.

>>> import networkx as nx, tempfile
>>> G = nx.MultiDiGraph()
>>> G.add_node("paper:1706.03762", label="Paper", id="paper:1706.03762", title="Attention")
>>> d = tempfile.mkdtemp()
>>> write(G, d)
>>> read(d).nodes["paper:1706.03762"]["title"]
'Attention'
>>> G.nodes["paper:1706.03762"]["abstract"] = "We propose the Transformer."
>>> write(G, d)
>>> "abstract" in read(d, text=False).nodes["paper:1706.03762"], read(d).nodes["paper:1706.03762"]["abstract"]
(False, 'We propose the Transformer.')
>>> counts(G)
{'nodes': {'Paper': 1}, 'edges': {}}
"""
from __future__ import annotations

import gzip
import json
import os
import shutil
import sqlite3
import tempfile
from collections import Counter
from itertools import islice
from pathlib import Path
from sys import intern
from typing import Iterable, TextIO

import networkx as nx

from kg import graphml, sqltwins, textstore
from kg.assembly import GraphStream
from kg.errors import KgError
from kg.output import atomic_open, gzip_text, umask

GRAPH_FILE = "graph.json.gz"
LEGACY_GRAPH_FILE = "graph.json"  # the graph file of a directory written before it was compressed
GRAPHML_FILE = "graph.graphml"
MANIFEST_FILE = "manifest.json"
STORE_FILE = textstore.STORE_FILE
JSON_ITEMS_PER_WRITE = 1000
# Nodes + relationships above which a mirror has no graph.graphml unless asked: GraphML was the
# biggest file of the mirror, and Gephi or yEd do not open a graph this size usefully (about
# 50k papers; `kg export --graphml` writes one at any size).
GRAPHML_MAX_ITEMS = 1_000_000



def counts(G: nx.MultiDiGraph | GraphStream) -> dict:
    """Node counts per label and edge counts per type, keys sorted."""
    if isinstance(G, GraphStream):  # tallied while it was collected: no walk over the spool
        return G.counts()
    nodes = Counter(label for _, label in G.nodes(data="label"))
    edges = Counter(edge_type for _, _, edge_type in G.edges(keys=True))
    return {"nodes": dict(sorted(nodes.items())), "edges": dict(sorted(edges.items()))}


def _write_joined(handle: TextIO, items: Iterable[str]) -> None:
    """``", ".join(items)`` into ``handle``, a slice at a time."""
    items, separator = iter(items), ""
    while chunk := list(islice(items, JSON_ITEMS_PER_WRITE)):
        handle.write(separator + ", ".join(chunk))
        separator = ", "


def _without(attrs: dict, name: str) -> dict:
    return {key: value for key, value in attrs.items() if key != name} if name in attrs else attrs


def _structure(G: nx.MultiDiGraph) -> tuple[Iterable, Iterable]:
    """Nodes and relationships of ``G`` without their text (what graph.json holds)."""
    return (((node, _without(attrs, textstore.NODE_TEXT)) for node, attrs in G.nodes(data=True)),
            ((u, v, key, _without(attrs, textstore.EDGE_TEXT)) for u, v, key, attrs in G.edges(keys=True, data=True)))


def _whole(G: nx.MultiDiGraph) -> tuple[Iterable, Iterable]:
    """Nodes and relationships of ``G`` with their text, inline or from the attached store."""
    return textstore.nodes_with_text(G), textstore.edges_with_text(G)


def _write_node_link(G: nx.MultiDiGraph, handle: TextIO, items: tuple[Iterable, Iterable] | None = None) -> None:
    """The bytes of ``json.dump(nx.node_link_data(G, edges="edges"), handle, ensure_ascii=False)``,
    one node or edge at a time instead of a second copy of the graph as dicts; ``items`` (nodes,
    relationships) stand in for ``G``'s own (default: its structure)."""
    nodes, edges = items or _structure(G)
    encode = json.JSONEncoder(ensure_ascii=False).encode
    head = encode({"directed": G.is_directed(), "multigraph": G.is_multigraph(), "graph": G.graph})
    handle.write(head[:-1] + ', "nodes": [')
    _write_joined(handle, (encode({**attrs, "id": node}) for node, attrs in nodes))
    handle.write('], "edges": [')
    _write_joined(handle, (encode({**attrs, "source": u, "target": v, "key": key}) for u, v, key, attrs in edges))
    handle.write("]}")


def export_node_link(G: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    """Write ``G`` with its text as one node-link JSON file (what graph.json held before the store)."""
    with atomic_open(path) as handle:
        _write_node_link(G, handle, _whole(G))


def export_graphml(G: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    """Write ``G`` with its text as GraphML."""
    with atomic_open(path) as handle:
        graphml.write(G, handle, whole=_whole)


GENERATIONS_DIR = ".generations"
CURRENT_LINK = "current"


def _write_files(G: nx.MultiDiGraph, folder: Path, manifest: dict | None, extra_files: dict,
                 with_graphml: bool) -> None:
    if with_graphml:
        export_graphml(G, folder / GRAPHML_FILE)
    textstore.write(G, folder / STORE_FILE)
    sqltwins.write(G, folder / STORE_FILE)
    textstore.compact(folder / STORE_FILE)
    with atomic_open(folder / MANIFEST_FILE) as handle:
        json.dump({**(manifest or {}), "counts": counts(G)}, handle, indent=2, ensure_ascii=False)
    with atomic_open(folder / GRAPH_FILE, "wb") as raw, gzip_text(raw) as handle:
        _write_node_link(G, handle)
    for name, source in extra_files.items():
        with atomic_open(folder / name, "wb") as handle, open(source, "rb") as original:
            shutil.copyfileobj(original, handle, 1 << 20)


def _replace_with_symlink(path: Path, target: str) -> None:
    """Point ``path`` at ``target`` by renaming a fresh symlink over it (atomic)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.link")
    if tmp.is_symlink():
        tmp.unlink()
    os.symlink(target, tmp)
    os.replace(tmp, path)


def write(G: nx.MultiDiGraph, directory: str | os.PathLike, manifest: dict | None = None,
          extra_files: dict | None = None, graphml: bool | None = None) -> None:
    """Write ``G`` into ``directory`` as node-link JSON, its text store, GraphML and a manifest, all at once.

    The text is ``G``'s inline ``abstract`` and ``sentence`` attributes, else the store ``G`` was read
    with (so a graph read with ``text=False`` keeps its text). ``extra_files`` maps file names to
    the files copied there. ``graphml``: write graph.graphml (default:
    only up to :data:`GRAPHML_MAX_ITEMS` nodes and relationships).
    """
    directory = Path(directory)
    if graphml is None:
        graphml = G.number_of_nodes() + G.number_of_edges() <= GRAPHML_MAX_ITEMS
    generations = directory / GENERATIONS_DIR
    generations.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="gen-", dir=generations))
    os.chmod(folder, 0o777 & ~umask())
    try:
        _write_files(G, folder, manifest, extra_files or {}, graphml)
        _replace_with_symlink(generations / CURRENT_LINK, folder.name)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    for stale in ([] if graphml else [GRAPHML_FILE]) + [LEGACY_GRAPH_FILE]:
        if (directory / stale).is_symlink():
            (directory / stale).unlink()  # it would point at nothing, or at an older generation's file
    names = [*([GRAPHML_FILE] if graphml else []), STORE_FILE, MANIFEST_FILE, *(extra_files or {}),
             GRAPH_FILE]  # the graph file last: it marks a mirror
    for name in names:
        link = os.path.join(GENERATIONS_DIR, CURRENT_LINK, name)
        if not (directory / name).is_symlink() or os.readlink(directory / name) != link:
            _replace_with_symlink(directory / name, link)
    _remove_old_generations(generations, keep=folder.name)


def _remove_old_generations(generations: Path, keep: str) -> None:
    """Delete the replaced generation and any an interrupted write left behind."""
    for entry in generations.iterdir():
        if entry.name != keep and entry.name.startswith("gen-") and entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)


class _JsonStream:
    """A JSON document read in chunks: values decoded one at a time, the text behind them dropped."""

    CHUNK = 1 << 22
    LONGEST_ITEM = 1 << 28  # a value this long without decoding is an error, not a chunk boundary

    def __init__(self, handle: TextIO):
        self.handle, self.text, self.pos, self.eof = handle, "", 0, False

    def _more(self) -> bool:
        chunk = "" if self.eof else self.handle.read(self.CHUNK)
        self.eof = not chunk
        self.text, self.pos = self.text[self.pos:] + chunk, 0
        return bool(chunk)

    def peek(self) -> str:
        """The next character that is not white space or a comma ("" at the end)."""
        while True:
            while self.pos < len(self.text) and self.text[self.pos] in " \t\r\n,":
                self.pos += 1
            if self.pos < len(self.text) or not self._more():
                return self.text[self.pos:self.pos + 1]

    def expect(self, char: str) -> None:
        if self.peek() != char:
            raise json.JSONDecodeError(f"expected {char!r}", self.text, self.pos)
        self.pos += 1

    def value(self):
        self.peek()
        while True:
            try:
                value, self.pos = _DECODER.raw_decode(self.text, self.pos)
                return value
            except json.JSONDecodeError:
                if len(self.text) - self.pos > self.LONGEST_ITEM or not self._more():
                    raise


_DECODER = json.JSONDecoder()
SHARED_LENGTH = 40  # values this short repeat across items ("USES", "abstract", rule names): one copy each


def _shared(item: dict) -> dict:
    """``item`` with its keys and short string values interned, as one string object per distinct text."""
    return {intern(name): intern(value) if type(value) is str and len(value) <= SHARED_LENGTH else value
            for name, value in item.items()}


def _node_link_graph(handle: TextIO) -> nx.MultiDiGraph:
    """``nx.node_link_graph(json.load(handle), directed=True, multigraph=True, edges="edges")``,
    parsing one node or edge at a time: a 1M-paper graph.json parsed whole needs more memory
    than the graph it describes (over 22 GiB), so only the graph is held."""
    G, stream = nx.MultiDiGraph(), _JsonStream(handle)
    stream.expect("{")
    while stream.peek() != "}":
        key = stream.value()
        stream.expect(":")
        if key in ("nodes", "edges") and stream.peek() == "[":
            stream.expect("[")
            while stream.peek() != "]":
                item = _shared(stream.value())
                if key == "nodes":
                    G.add_node(item.pop("id"), **item)
                else:
                    G.add_edge(item.pop("source"), item.pop("target"), key=item.pop("key", None), **item)
            stream.expect("]")
        elif key == "graph":
            G.graph.update(stream.value())
        else:
            stream.value()  # "directed", "multigraph": a mirror is always a directed multigraph
    return G


def graph_file(directory: str | os.PathLike) -> Path | None:
    """The directory's graph file: ``graph.json.gz``, or the ``graph.json`` of a mirror written before it
    was compressed; None when there is neither (no mirror)."""
    for name in (GRAPH_FILE, LEGACY_GRAPH_FILE):
        if (Path(directory) / name).is_file():
            return Path(directory) / name
    return None


def read(directory: str | os.PathLike, text: bool = True) -> nx.MultiDiGraph:
    """Read the mirror that ``kg build`` wrote into ``directory``.

    ``text=True``: the whole graph, abstracts and evidence sentences set as attributes.
    ``text=False``: the structure only (a fraction of the memory); the text stays in the store,
    attached to the graph (:mod:`kg.textstore` reads it by key, :func:`write` carries it over).
    A mirror written before the store, with its text in graph.json, reads whole either way.
    """
    path = graph_file(directory)
    if path is None:
        raise KgError(f"{directory}: not a kg graph directory (no {GRAPH_FILE}); run `kg build` first")
    try:
        with (gzip.open if path.name == GRAPH_FILE else open)(path, "rt", encoding="utf-8") as handle:
            G = _node_link_graph(handle)
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError, OSError, EOFError) as exc:
        raise KgError(f"{path}: unreadable graph file ({exc})") from exc
    store = Path(directory) / STORE_FILE
    if store.is_file():
        try:
            textstore.attach(G, textstore.TextStore(store))
        except sqlite3.Error as exc:
            raise KgError(f"{store}: unreadable text store ({exc})") from exc
    return textstore.load_into(G) if text else G
