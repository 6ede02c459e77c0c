"""Named-query latency (p50/p95) on a big graph, in the NetworkX mirror and in Neo4j.

Every user-facing query (``queries/*.cypher``) runs ``--repeat`` times after one
warm-up, with its header's example parameters, except that ``paper``,
``author`` and ``year`` name the busiest paper, the most prolific author and the
commonest year of the graph (the examples name seed papers a synthetic corpus
does not hold), ``evidence`` asks about one of that paper's entities,
``proposer_of``/``papers_building_on`` about the most used proposed entity and
its first proposer, and ``papers_using_method`` pages through the busiest method (its first page
of ``n`` papers; other parameters, such as ``n``, ``after`` and ``max_papers``, take their examples). The baseline, measured in the same run, is the cheapest call
each backend has: ``internal/ping`` in Neo4j (``RETURN 1``, one round trip; ``count_nodes``,
used before, visits every node: 0.9 s at 1M papers) and ``mirror.counts`` on the mirror.

Neo4j is the database at ``NEO4J_URI`` (see ``kg.db``); ``--load`` first wipes
it and loads the mirror with the project's loader, schema and indexes included,
so point it at a scratch server (``KG_NEO4J_HOME=/tmp/kg-bench-neo4j
NEO4J_URI=bolt://127.0.0.1:7699 kg neo4j start``), never a shared one.

Example::

    python bench/bench_build.py /tmp/corpus-100k.jsonl --workers 2 --repeat 1 --keep /tmp/kg-100k
    NEO4J_URI=bolt://127.0.0.1:7699 python bench/bench_queries.py /tmp/kg-100k --neo4j --load

At 1M papers the mirror and a server do not fit in memory together: choose the parameters
once (``--no-mirror --params p.json``: reads the mirror, times nothing), then time Neo4j alone
(``--neo4j --no-mirror --params p.json``).
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections import Counter
from typing import Callable

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import machine, percentile, table, this_command  # noqa: E402


def busiest(G, label: str, direction: str) -> str:
    """The node of ``label`` with the most relationships in ``direction`` (``in``/``out``)."""
    degree = G.out_degree if direction == "out" else G.in_degree
    nodes = (node for node, node_label in G.nodes(data="label") if node_label == label)
    return max(nodes, key=lambda node: (degree(node), node))


def graph_params(G) -> dict:
    """Parameter values that exist in ``G`` for the parameters whose examples name seed records:
    ``{"*": for every query, QUERY: for that query}``, so that each query has rows to return."""
    from kg.model import EXTRACTED_EDGE_TYPES
    years = Counter(year for _, year in G.nodes(data="year") if year)
    paper = busiest(G, "Paper", "out")
    proposed = Counter(target for _, target, key in G.edges(keys=True) if key in ("PROPOSES", "INTRODUCES"))
    users = Counter(target for _, target, key in G.edges(keys=True) if key in ("USES", "EVALUATES_ON"))
    entity = max(proposed, key=lambda node: (users[node], node))  # the most used of the proposed
    method = max((node for node, label in G.nodes(data="label") if label == "Method"),
                 key=lambda node: (sum(key in ("USES", "PROPOSES") for _, _, key in G.in_edges(node, keys=True)), node))
    proposer = min(source for source, _, key in G.in_edges(entity, keys=True) if key in ("PROPOSES", "INTRODUCES"))
    return {"*": {"paper": paper, "author": busiest(G, "Author", "out"), "year": years.most_common(1)[0][0]},
            "evidence": {"entity": min(t for _, t, k in G.out_edges(paper, keys=True) if k in EXTRACTED_EDGE_TYPES)},
            "proposer_of": {"entity": entity}, "papers_building_on": {"paper": proposer},
            "papers_using_method": {"method": method}}


def stored_params(path: str | None, G) -> dict:
    """``graph_params(G)``, kept in ``path`` (JSON) so that a later run can skip reading a huge mirror."""
    if path and os.path.exists(path):
        with open(path) as file:
            return json.load(file)
    overrides = graph_params(G)
    if path:
        with open(path, "w") as file:
            json.dump(overrides, file)
    return overrides


def query_params(name: str, overrides: dict) -> dict:
    import queries
    params = {param: spec["example"] for param, spec in queries.describe(name)["params"].items()}
    given = {**overrides["*"], **overrides.get(name, {})}
    return {param: given.get(param, value) for param, value in params.items()}


def latencies(call: Callable[[], object], repeat: int) -> tuple[list[float], object]:
    """Milliseconds of ``repeat`` calls after one warm-up call, and the warm-up's result."""
    result = call()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times, result


def row(backend: str, name: str, times: list[float], rows: int | str) -> dict:
    result = {"backend": backend, "query": name, "p50 ms": f"{percentile(times, 50):.1f}",
              "p95 ms": f"{percentile(times, 95):.1f}", "rows": rows}
    print(" ".join(map(str, result.values())), file=sys.stderr, flush=True)  # progress: big graphs are slow
    return result


def bench_mirror(backend, names: list[str], overrides: dict, repeat: int) -> list[dict]:
    """The queries as ``kg.open(DIR)`` answers them: its twins over the structure, and the store's SQL
    for the queries it has (``kg.sqltwins``)."""
    from kg import mirror
    times, _ = latencies(lambda: mirror.counts(backend.G), repeat)
    rows = [row("mirror", "baseline: mirror.counts", times, "-")]
    for name in names:
        params = query_params(name, overrides)
        times, result = latencies(lambda: backend.run(name, params), repeat)
        rows.append(row("mirror", name, times, len(result)))
    return rows


def bench_neo4j(G, names: list[str], overrides: dict, repeat: int, load: bool) -> list[dict]:
    import queries
    from kg.backends import Neo4jBackend
    from kg.db import connect
    from loaders.neo4j_writer import load_graph
    with connect() as driver:
        if load:
            started = time.perf_counter()
            load_graph(G, driver, wipe=True)
            print(f"loaded the mirror into Neo4j in {time.perf_counter() - started:.0f}s")
        backend = Neo4jBackend(driver)
        times, _ = latencies(lambda: backend.read(queries.load("internal/ping")), repeat)
        rows = [row("neo4j", "baseline: internal/ping", times, "-")]
        for name in names:
            params = query_params(name, overrides)
            times, result = latencies(lambda: backend.run(name, params), repeat)
            rows.append(row("neo4j", name, times, len(result)))
    return rows


def main(argv: list[str] | None = None) -> int:
    import queries
    from kg.api import open_graph
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", help="graph directory written by `kg build`")
    parser.add_argument("--repeat", type=int, default=20, help="timed calls per query (default 20)")
    parser.add_argument("--neo4j", action="store_true", help="also time the queries in Neo4j (NEO4J_URI)")
    parser.add_argument("--load", action="store_true", help="wipe Neo4j and load the mirror into it first")
    parser.add_argument("--no-mirror", action="store_true", help="skip the mirror")
    parser.add_argument("--params", metavar="FILE",
                        help="JSON file of the parameters chosen from the graph: written if missing, read if "
                             "present (then a Neo4j-only run without --load does not read the mirror)")
    parser.add_argument("--only", nargs="+", metavar="QUERY", help="time only these queries")
    args = parser.parse_args(argv)
    logging.getLogger("neo4j").setLevel(logging.ERROR)  # "type does not exist" notices, not results
    print(f"machine: {machine()}")
    G = backend = None
    if args.load or not args.no_mirror or not (args.params and os.path.exists(args.params)):
        started = time.perf_counter()
        backend = open_graph(args.graph).backend  # what kg.open holds: the structure, the text in its store
        G = backend.G
        print(f"graph: {args.graph}: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} relationships "
              f"(read in {time.perf_counter() - started:.0f}s)")
    names, overrides = args.only or queries.names(), stored_params(args.params, G)
    print(f"parameters standing in for seed examples: {overrides}")
    rows = [] if args.no_mirror else bench_mirror(backend, names, overrides, args.repeat)
    if args.neo4j:
        rows += bench_neo4j(G, names, overrides, args.repeat, args.load)
    if rows:
        print(table(rows))
    print(f"command: {this_command()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
