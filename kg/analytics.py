"""Graph analytics on the mirror: PageRank, communities, the method-dataset projection.

Results are deterministic: nodes are added in id order and Louvain runs with a
fixed seed, so the same graph always gives the same numbers, whichever backend
it was read from.

>>> projection = method_dataset_projection(G)              # G: a graph from `kg build`
>>> projection["method:clip"]["dataset:imagenet"]["weight"]   # papers naming both
2
"""
from __future__ import annotations

import networkx as nx

ANALYSED_LABELS = ("Method", "Dataset")
METHOD_EDGES = ("USES", "PROPOSES")
DATASET_EDGES = ("EVALUATES_ON", "INTRODUCES")
LOUVAIN_SEED = 42


def _nodes_with(G: nx.MultiDiGraph, labels: tuple[str, ...]) -> list[str]:
    return sorted(node for node, label in G.nodes(data="label") if label in labels)


def method_dataset_projection(G: nx.MultiDiGraph) -> nx.Graph:
    """Every method and dataset; an edge weighted by the number of papers naming both.

    >>> sorted(method_dataset_projection(G).edges("method:softprompt"))
    [('method:softprompt', 'dataset:coco')]
    """
    projection = nx.Graph()
    for node in _nodes_with(G, ANALYSED_LABELS):
        projection.add_node(node, label=G.nodes[node]["label"], name=G.nodes[node].get("name"))
    for paper in _nodes_with(G, ("Paper",)):
        named = {(target, key) for _, target, key in G.out_edges(paper, keys=True)}
        methods = sorted(target for target, key in named if key in METHOD_EDGES)
        datasets = sorted(target for target, key in named if key in DATASET_EDGES)
        for method in methods:
            for dataset in datasets:
                weight = projection.get_edge_data(method, dataset, {}).get("weight", 0)
                projection.add_edge(method, dataset, weight=weight + 1)
    return projection


def pagerank(G: nx.MultiDiGraph, labels: tuple[str, ...] = ANALYSED_LABELS) -> dict[str, float]:
    """PageRank of the nodes with ``labels``, computed on the whole graph taken as undirected.

    Papers pass rank to what they name and cite, so entities of well-connected papers rank high.

    >>> ranks = pagerank(G)
    >>> ranks["method:lora"] > ranks["method:softprompt"]    # named by four papers against one
    True
    """
    undirected = nx.Graph()
    undirected.add_nodes_from(sorted(G.nodes))
    undirected.add_edges_from(sorted((u, v) for u, v in G.edges()))
    ranks = _power_iteration(undirected)
    return {node: ranks[node] for node in _nodes_with(G, labels)}


def _power_iteration(graph: nx.Graph, damping: float = 0.85, tolerance: float = 1e-12,
                     max_rounds: int = 200) -> dict[str, float]:
    """Plain PageRank (networkx's own needs scipy, which kg does not depend on).

    Isolated nodes spread their rank evenly, as in networkx.
    """
    size = graph.number_of_nodes()
    if size == 0:
        return {}
    rank = dict.fromkeys(graph, 1.0 / size)
    for _ in range(max_rounds):
        isolated = damping * sum(rank[node] for node in graph if graph.degree(node) == 0) / size
        new = dict.fromkeys(graph, (1.0 - damping) / size + isolated)
        for node in graph:
            degree = graph.degree(node)
            for neighbour in graph[node]:
                new[neighbour] += damping * rank[node] / degree
        if sum(abs(new[node] - rank[node]) for node in graph) < tolerance * size:
            return new
        rank = new
    return rank


def communities(G: nx.MultiDiGraph, seed: int = LOUVAIN_SEED) -> dict[str, int]:
    """Louvain communities of the method-dataset projection: ``{node id: community number}``.

    Community 0 is the largest (ties: the one whose smallest id sorts first).

    >>> found = communities(G)
    >>> found["method:clip"] == found["dataset:imagenet"]
    True
    """
    groups = nx.community.louvain_communities(method_dataset_projection(G), weight="weight", seed=seed)
    ordered = sorted((sorted(group) for group in groups), key=lambda group: (-len(group), group[0]))
    return {node: number for number, group in enumerate(ordered) for node in group}


def analytics_rows(G: nx.MultiDiGraph) -> list[dict]:
    """``{id, label, name, pagerank, community}`` for every method and dataset, by PageRank.

    >>> row = analytics_rows(G)[0]
    >>> row["label"], row["pagerank"] == max(pagerank(G).values())
    ('Method', True)
    """
    ranks, groups = pagerank(G), communities(G)
    rows = [{"id": node, "label": G.nodes[node]["label"], "name": G.nodes[node].get("name"),
             "pagerank": ranks[node], "community": groups[node]} for node in ranks]
    return sorted(rows, key=lambda row: (-row["pagerank"], row["id"]))
