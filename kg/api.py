"""The Python graph API: one object over the NetworkX mirror (and Neo4j).

>>> import kg
>>> g = kg.build(["data/sample/001_da44e4ecf41e5a0b.txt"])   # doctest: +SKIP
>>> g.counts()["nodes"]["Paper"]                              # doctest: +SKIP
72
>>> G = g.to_networkx()                                        # doctest: +SKIP
"""
from __future__ import annotations

import os
from typing import Sequence

import networkx as nx

from kg import mirror


class KnowledgeGraph:
    """A knowledge graph of papers and the entities they name."""

    def __init__(self, G: nx.MultiDiGraph):
        self._G = G

    def to_networkx(self) -> nx.MultiDiGraph:
        """The graph as a ``networkx.MultiDiGraph`` (node attr ``label``, edge key = type)."""
        return self._G

    def counts(self) -> dict:
        """``{"nodes": {Label: n}, "edges": {TYPE: n}}``, as ``kg info --json`` prints."""
        return mirror.counts(self._G)

    def save(self, directory: str | os.PathLike) -> None:
        """Write the mirror files into ``directory`` (what ``kg build --out`` writes)."""
        mirror.write(self._G, directory)


def build(paths: Sequence[str], **options) -> KnowledgeGraph:
    """Read, merge and extract ``paths`` into a :class:`KnowledgeGraph`.

    Options are those of :func:`kg.build.build_graph` (``format``, ``skip_bad``, ``workers``).

    >>> g = build(["data/sample/000_979724de29632ea4.txt"])   # doctest: +SKIP
    >>> g.counts()["nodes"]["Paper"]                           # doctest: +SKIP
    52
    """
    from kg.build import build_graph
    G, *_ = build_graph(list(map(str, paths)), **options)
    return KnowledgeGraph(G)


def open_graph(target: str | os.PathLike) -> KnowledgeGraph:
    """Open a graph directory written by ``kg build``.

    >>> g = open_graph("out/sample")   # doctest: +SKIP
    """
    return KnowledgeGraph(mirror.read(target))
