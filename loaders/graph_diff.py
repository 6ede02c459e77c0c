"""What changed between two builds of a graph: the part of the new graph a database must be sent.

>>> import networkx as nx
>>> old, new = nx.MultiDiGraph(), nx.MultiDiGraph()
>>> for G in (old, new):
...     G.add_node("paper:1", label="Paper"); G.add_node("method:clip", label="Method", name="CLIP")
...     _ = G.add_edge("paper:1", "method:clip", key="USES", type="USES")
>>> new.add_node("paper:2", label="Paper"); _ = new.add_edge("paper:2", "method:clip", key="USES", type="USES")
>>> sorted(changed_subgraph(old, new).nodes), removed_nodes(old, new)
(['method:clip', 'paper:2'], {})
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx


def _same(a: dict, b: dict) -> bool:
    """Equal properties, ``id`` aside: a graph read back from graph.json has it as the node key only."""
    return {k: v for k, v in a.items() if k != "id"} == {k: v for k, v in b.items() if k != "id"}


def _edges_of(G: nx.MultiDiGraph, node: str) -> set:
    """A node's relationships in both directions, with their properties, as comparable values."""
    return {(u, v, key, repr(sorted(attrs.items())))
            for u, v, key, attrs in [*G.out_edges(node, keys=True, data=True), *G.in_edges(node, keys=True, data=True)]}


def changed_subgraph(old: nx.MultiDiGraph, new: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The papers of ``new`` that are new, changed or whose relationships changed, with all their
    relationships and the nodes at their other ends, and every other node whose properties changed.

    Loading it where ``old`` was loaded gives ``new`` (with :func:`removed_nodes` deleted): a paper's
    stale extracted relationships go with the paper's load, and an entity left without papers with them.
    """
    papers = [node for node, attrs in new.nodes(data=True) if attrs["label"] == "Paper"
              and (node not in old or not _same(old.nodes[node], attrs) or _edges_of(old, node) != _edges_of(new, node))]
    keep = set(papers)
    for paper in papers:
        keep.update(new.successors(paper))
        keep.update(new.predecessors(paper))
    keep.update(node for node, attrs in new.nodes(data=True) if node not in old or not _same(old.nodes[node], attrs))
    H = nx.MultiDiGraph()
    H.add_nodes_from((node, new.nodes[node]) for node in keep)
    for paper in papers:
        H.add_edges_from((u, v, key, attrs) for u, v, key, attrs in new.out_edges(paper, keys=True, data=True))
        H.add_edges_from((u, v, key, attrs) for u, v, key, attrs in new.in_edges(paper, keys=True, data=True))
    return H


def removed_nodes(old: nx.MultiDiGraph, new: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Label -> ids of the nodes ``old`` has and ``new`` does not."""
    removed: dict[str, list[str]] = defaultdict(list)
    for node, label in old.nodes(data="label"):
        if node not in new:
            removed[label].append(node)
    return dict(removed)
