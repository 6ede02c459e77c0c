"""Score a graph against hand-judged entity nodes (``tests/data/judged/judged_nodes.jsonl``).

Each judged node is a ``(label, name, aliases)`` that some earlier build made a node, with a
verdict: ``real``, ``generic`` or ``junk``. A judged node is *still a node* of a new graph when a
node of the same label has its name, or one of its aliases, among its names (lower-cased).

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("method:clip", label="Method", name="CLIP", aliases=["clip"])
>>> judged = [{"label": "Method", "name": "CLIP", "aliases": [], "verdict": "real"},
...           {"label": "Method", "name": "develop models", "aliases": [], "verdict": "junk"}]
>>> score(G, judged)
{'real': (1, 1), 'generic': (0, 0), 'junk': (0, 1)}
"""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Iterable

import networkx as nx


def read(path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def node_names(G: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Label -> every lower-cased name and alias of that label's nodes."""
    names: dict[str, set[str]] = defaultdict(set)
    for _, attrs in G.nodes(data=True):
        for name in [attrs.get("name"), *(attrs.get("aliases") or ())]:
            if name:
                names[attrs.get("label")].add(" ".join(name.split()).casefold())
    return names


def still_nodes(G: nx.MultiDiGraph, judged: Iterable[dict]) -> list[bool]:
    names = node_names(G)
    return [any(" ".join(n.split()).casefold() in names[j["label"]] for n in [j["name"], *j.get("aliases", ())])
            for j in judged]


def score(G: nx.MultiDiGraph, judged: list[dict]) -> dict[str, tuple[int, int]]:
    """Verdict -> (judged nodes still nodes, judged nodes)."""
    kept = still_nodes(G, judged)
    return {verdict: (sum(k for k, j in zip(kept, judged) if j["verdict"] == verdict),
                      sum(j["verdict"] == verdict for j in judged)) for verdict in ("real", "generic", "junk")}
