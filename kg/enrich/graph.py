"""Adding what an API said to the graph: matching papers to nodes, stubs, CITES edges, ids.

A paper from an API is matched to a Paper node on any key the two share, as ``kg build``
matches references (``loaders.merge``): arXiv id, ``doi:...``, another id (``s2:...``,
``corpus:...``, ``openalex:...``), else the title key, never a title across different arXiv ids.
Unmatched papers become stub nodes (``stub: true``), keyed and shaped like the stubs ``kg build``
makes (``kg.assembly.paper_properties``).

>>> import networkx as nx
>>> from kg.model import Paper
>>> G = nx.MultiDiGraph()
>>> G.add_node("paper:title:a", label="Paper", id="paper:title:a", title="A", stub=False)
>>> index = PaperIndex(G)
>>> index.node_for(Paper("a")), index.node_for(Paper("B", doi="10.1/b"))
('paper:title:a', None)
>>> add_stub(G, index, Paper("B", doi="10.1/b"), "s2-api"), index.node_for(Paper("", doi="10.1/B"))
('paper:doi:10.1/b', 'paper:doi:10.1/b')
"""
from __future__ import annotations

import networkx as nx

from kg.assembly import paper_properties
from kg.model import CITES, Edge, Paper, PaperRef

_ID_SUFFIX = "_id"


def node_ref(attrs: dict) -> PaperRef:
    """Every id of a Paper node, as a reference (``s2_id`` -> ``external_ids["s2"]`` ...)."""
    external = {name[:-len(_ID_SUFFIX)]: str(value) for name, value in attrs.items()
                if name.endswith(_ID_SUFFIX) and name != "arxiv_id" and value not in (None, "")}
    return PaperRef(attrs.get("arxiv_id"), attrs.get("doi"), external, attrs.get("title") or None)


def papers_to_look_up(G: nx.MultiDiGraph) -> list[tuple[str, dict]]:
    """The Paper nodes read from input (not stubs), in graph order."""
    return [(node, attrs) for node, attrs in G.nodes(data=True)
            if attrs.get("label") == "Paper" and not attrs.get("stub")]


class PaperIndex:
    """Which Paper node each key names; the first node to claim a key keeps it."""

    def __init__(self, G: nx.MultiDiGraph):
        self._nodes: dict[str, str] = {}
        self._arxiv: dict[str, str | None] = {}
        for node, attrs in G.nodes(data=True):
            if attrs.get("label") == "Paper":
                self.add(node, node_ref(attrs))

    def add(self, node: str, ref: PaperRef) -> None:
        if ref.arxiv_id or node not in self._arxiv:
            self._arxiv[node] = ref.arxiv_id
        for key in ref.keys():
            self._nodes.setdefault(key, node)

    def node_for(self, paper: Paper) -> str | None:
        """The node ``paper`` is, or ``None``; a title alone never joins two different arXiv ids."""
        for key in paper.ref().keys():
            node = self._nodes.get(key)
            if node is None:
                continue
            known = self._arxiv.get(node)
            if key.startswith("title:") and paper.arxiv_id and known and known != paper.arxiv_id:
                continue
            return node
        return None


def add_stub(G: nx.MultiDiGraph, index: PaperIndex, paper: Paper, source: str) -> str:
    """A stub node for a paper only known as a citation target (or citer); returns its id."""
    stub = Paper(title=paper.title, arxiv_id=paper.arxiv_id, doi=paper.doi, external_ids=dict(paper.external_ids),
                 published=paper.published, year=paper.year, venue=paper.venue, sources=[source], stub=True)
    node = stub.node_id
    G.add_node(node, label="Paper", id=node, **paper_properties(stub))
    index.add(node, stub.ref())
    return node


def node_for_or_stub(G: nx.MultiDiGraph, index: PaperIndex, paper: Paper, source: str) -> tuple[str, bool]:
    """The node ``paper`` is, made a stub if the graph lacks it; and whether it is new."""
    node = index.node_for(paper)
    return (node, False) if node else (add_stub(G, index, paper, source), True)


def add_citation(G: nx.MultiDiGraph, citing: str, cited: str, rule: str) -> bool:
    """A CITES edge unless the graph has it (or it would be a loop); whether one was added."""
    if citing == cited or G.has_edge(citing, cited, CITES):
        return False
    G.add_edge(citing, cited, key=CITES, type=CITES, **Edge(citing, CITES, cited, rule=rule).properties())
    return True


def add_missing_ids(G: nx.MultiDiGraph, index: PaperIndex, node: str, paper: Paper) -> None:
    """Give a looked-up node the ids the API knows and it lacks (never changing one it has, nor its key)."""
    attrs = G.nodes[node]
    found = {"arxiv_id": paper.arxiv_id, "doi": paper.doi,
             **{f"{kind}{_ID_SUFFIX}": value for kind, value in paper.external_ids.items()}}
    for name, value in found.items():
        if value and name not in attrs:
            attrs[name] = value
    index.add(node, node_ref(attrs))
