"""Every named query through the Python API on an opened mirror, against the same twins walking the graph.

``kg.open(DIR)`` reads a graph directory into its NetworkX backend, which answers each query from the
store (:data:`kg.sqltwins.SQL_TWINS`) or by its twin over the graph through the node index
(:mod:`kg.node_index`: names, keys and labels to nodes). The baseline, in the same run, is the twin
alone over the same graph with no index: what every twin did before the index, a walk over every node.
Parameters: the busiest method, dataset and task by ``top_entities``, a random paper and author
(``random.Random(7)``), the busiest and third-busiest methods for ``shortest_path``. Times are the
median of ``--repeats`` calls after one warm-up call (the first builds the index).

    python bench/bench_api_queries.py /tmp/big/g100k [--repeats 5]
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import machine, table, this_command  # noqa: E402

import kg  # noqa: E402
import queries  # noqa: E402
from kg import node_index, twins  # noqa: E402


def median_ms(call, repeats: int) -> tuple[float, list]:
    times, rows = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        rows = call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), rows


def parameters(graph, G) -> dict:
    """Values for the queries' entity, paper and author parameters, from the graph itself."""
    rng = random.Random(7)
    methods = graph.query("top_entities", type="method", n=3, kind="names")
    dataset = graph.query("top_entities", type="dataset", n=1, kind="names")[0]["id"]
    task = graph.query("top_entities", type="task", n=1, kind="names")[0]["id"]
    by_label: dict[str, list] = {"Paper": [], "Author": []}
    for node, attrs in G.nodes(data=True):
        if attrs.get("label") in by_label:
            by_label[attrs["label"]].append(node)
    return {"method": methods[0]["id"], "entity": methods[0]["id"], "dataset": dataset, "task": task,
            "source": methods[0]["id"], "target": methods[2]["id"], "text": methods[1]["name"][:4],
            "paper": rng.choice(by_label["Paper"]), "author": rng.choice(by_label["Author"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", help="a graph directory (kg build --out)")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    print(machine())
    start = time.perf_counter()
    graph = kg.open(args.graph)
    G = graph.backend.G
    print(f"kg.open: {time.perf_counter() - start:.1f} s, {G.number_of_nodes():,} nodes")
    values = parameters(graph, G)
    rows = []
    for name in queries.names():
        params = {key: values.get(key, example) for key, example in queries.bind(name, {}, use_examples=True).items()}
        graph.query(name, **params)  # warm-up: the backend indexes its graph on its first query
        api_ms, answer = median_ms(lambda: graph.query(name, **params), args.repeats)
        node_index.forget(G)
        walk_ms, walked = median_ms(lambda: twins.run(G, name, params), args.repeats)
        node_index.ensure(G)
        rows.append({"query": name, "API p50 ms": f"{api_ms:,.1f}", "walk p50 ms": f"{walk_ms:,.1f}",
                     "walk / API": f"{walk_ms / api_ms:,.1f}" if api_ms else "", "rows": len(answer),
                     "same rows": "yes" if walked == answer else "NO"})
    print(table(rows))
    print(this_command())


if __name__ == "__main__":
    main()
