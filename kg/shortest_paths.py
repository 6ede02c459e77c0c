"""Shortest paths between two nodes of the mirror, in any direction, as Cypher's allShortestPaths finds them.

The ``shortest_path`` twin (:mod:`kg.twins`) keeps, of each pair of entities, the first ``n`` paths by
their node ids; this module finds those without searching the whole component or spelling out every
path (``nx.all_shortest_paths`` does both: 2-3 s a pair on a 100k-paper mirror, against milliseconds).
"""
from __future__ import annotations

import networkx as nx


def _neighbours(G: nx.MultiDiGraph, node: str) -> set[str]:
    # networkx's plain adjacency dicts, as its own algorithms read them: its views make an object an item
    return set(G._succ[node]) | set(G._pred[node])


def first_shortest_paths(G: nx.MultiDiGraph, start: str, end: str, n: int, max_hops: int) -> list[tuple[str, ...]]:
    """The ``n`` shortest paths (any direction, at most ``max_hops`` hops) from ``start`` to
    ``end`` that come first by their node ids: what the query's allShortestPaths, ORDER BY and LIMIT keep
    of one pair. A breadth-first search from both ends, a level at a time on the smaller side, until the
    two meet (``nx.all_shortest_paths`` searches the whole component from one end and spells out every
    path before the ORDER BY); then each node on a shortest path gets its place on it, and a depth-first
    walk in id order spells out no more paths than are kept.

    >>> G = nx.MultiDiGraph([("p1", "a"), ("p1", "b"), ("p2", "a"), ("p2", "b"), ("p3", "c")])
    >>> first_shortest_paths(G, "a", "b", 5, 6), first_shortest_paths(G, "a", "c", 5, 6)
    ([('a', 'p1', 'b'), ('a', 'p2', 'b')], [])
    """
    depths: tuple[dict, dict] = ({start: 0}, {end: 0})  # hops from start, hops from end
    frontiers = ([start], [end])
    reached = [0, 0]
    meeting: set = set()
    while not meeting:
        if not frontiers[0] or not frontiers[1] or reached[0] + reached[1] + 1 > max_hops:
            return []
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        depth, reached[side] = depths[side], reached[side] + 1
        following = []
        for node in frontiers[side]:
            for other in _neighbours(G, node):
                if other not in depth:
                    depth[other] = reached[side]
                    following.append(other)
        frontiers = (following, frontiers[1]) if side == 0 else (frontiers[0], following)
        meeting = {node for node in following if node in depths[1 - side]}
    hops = reached[0] + reached[1]
    place = {node: depths[0][node] for node in meeting}  # each node's place on its shortest paths
    for towards in (0, 1):
        frontier = meeting
        while frontier:
            frontier = {other for node in frontier for other in _neighbours(G, node)
                        if depths[towards].get(other) == depths[towards][node] - 1}
            place.update((node, depths[0][node] if towards == 0 else hops - depths[1][node]) for node in frontier)
    paths: list[tuple[str, ...]] = []

    def walk(path: list[str]) -> None:
        node = path[-1]
        if node == end:
            paths.append(tuple(path))
            return
        for other in sorted(o for o in _neighbours(G, node) if place.get(o) == place[node] + 1):
            if len(paths) >= n:
                return
            walk(path + [other])

    walk([start])
    return paths
