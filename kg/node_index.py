"""Nodes by the texts the named queries find them by, for the twins on a graph a backend owns.

A twin finds its paper by id, key or title and its entity or author by id, name or alias
(:func:`kg.twins.find_papers`, :func:`kg.twins.find_entities`). Without an index that is a walk over
every node: about half a second a query on a million-paper mirror (2.6M nodes). A :class:`NodeIndex`
maps each lower-cased title, name and alias, and each key, to its nodes, and each label to its nodes;
the twins still test every candidate as before, so the index only narrows the walk and the rows stay
the same.

An index describes the graph as it was when it was made, so only the owner of a graph that nobody
else changes keeps one: :class:`kg.backends.NetworkXBackend` indexes its graph on its first query and
drops the index (:func:`forget`) when it hands the graph out. Any other graph is walked, as before.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("method:clip", label="Method", type="method", name="CLIP", aliases=["Contrastive LIP"])
>>> G.add_node("paper:1", label="Paper", key="2501.00001", title="A Paper")
>>> index = ensure(G)
>>> index.candidates("contrastive lip"), index.candidates("2501.00001"), index.candidates("paper:1")
(['method:clip'], ['paper:1'], ['paper:1'])
>>> index.labelled("Paper")
['paper:1']
>>> forget(G); of(G) is None
True
"""
from __future__ import annotations

import weakref
from collections import defaultdict

import networkx as nx

_INDEXES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class NodeIndex:
    """Lower-cased titles, names and aliases, and keys as they are, to the nodes that carry them."""

    def __init__(self, G: nx.MultiDiGraph):
        self._G = G
        self._by_text: dict[str, list] = defaultdict(list)
        self._by_key: dict[str, list] = defaultdict(list)
        self._by_label: dict[str, list] = defaultdict(list)
        for node, attrs in G.nodes(data=True):
            texts = {attrs.get("title"), attrs.get("name"), *(attrs.get("aliases") or ())}
            for text in texts:
                if isinstance(text, str):
                    self._by_text[text.lower()].append(node)
            if isinstance(attrs.get("key"), str):
                self._by_key[attrs["key"]].append(node)
            self._by_label[attrs.get("label")].append(node)

    def labelled(self, label: str) -> list:
        """The nodes of ``label``, in the graph's order (the global rankings walk one label, not every node)."""
        return self._by_label.get(label, [])

    def candidates(self, text: str) -> list:
        """Nodes that may be ``text``: the node of that id, and those titled, named, aliased or keyed so."""
        found = [*self._by_text.get(text.lower(), ()), *self._by_key.get(text, ())]
        if text in self._G:
            found.append(text)
        return list(dict.fromkeys(found))


def ensure(G: nx.MultiDiGraph) -> NodeIndex:
    """The index of ``G``, made now if it has none."""
    if G not in _INDEXES:
        _INDEXES[G] = NodeIndex(G)
    return _INDEXES[G]


def of(G: nx.MultiDiGraph) -> NodeIndex | None:
    """The index of ``G`` if its owner keeps one, else None (walk the nodes)."""
    return _INDEXES.get(G)


def forget(G: nx.MultiDiGraph) -> None:
    """Drop the index of ``G``: its owner hands it out, and it may change."""
    _INDEXES.pop(G, None)
