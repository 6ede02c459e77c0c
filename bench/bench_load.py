"""Neo4j load throughput: the batched loader vs a naive one-row-per-transaction client, same data, same run.

The naive client is the loader itself with ``batch_size=1`` (the same statements, one managed
transaction per node or relationship), so only batching differs. Each run starts from an empty
database (the wipe is not timed) and loads twice: the first load and a reload of the same graph
(which changes nothing: MERGE finds every node and relationship). The table shows medians of
``--repeats`` runs in records (nodes + relationships) per second, and each first load against the
naive client's. Needs the Neo4j at NEO4J_URI (`kg neo4j start`); it wipes it.

    python bench/bench_load.py --papers 1000 --repeats 3
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import random
import sys
import time

import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import machine, median, table, this_command  # noqa: E402

ENTITY_TYPES = {"method": ("Method", "USES"), "dataset": ("Dataset", "EVALUATES_ON"),
                "task": ("Task", "ADDRESSES"), "metric": ("Metric", "REPORTS")}


def synthetic_graph(papers: int, seed: int = 0) -> nx.MultiDiGraph:
    """A schema-shaped graph: papers with dates, authors, Zipf-popular entities with evidence, citations."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    pools = {kind: [f"{kind}:{kind}-{i}" for i in range(max(10, papers // 4))] for kind in ENTITY_TYPES}
    for kind, (label, _) in ENTITY_TYPES.items():
        for node in pools[kind]:
            G.add_node(node, label=label, name=node.split(":")[1], aliases=[node.split(":")[1].upper()], type=kind)
    for i in range(papers):
        paper = f"paper:2401.{i:05d}"
        G.add_node(paper, label="Paper", key=paper[6:], title=f"Paper {i}", abstract="We study things. " * 20,
                   year=2024, published=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", sources=["synthetic"], stub=False)
        for position in range(rng.randint(1, 5)):
            author = f"author:person-{rng.randrange(papers)}"
            G.add_node(author, label="Author", name=author[7:])
            G.add_edge(author, paper, key="AUTHORED", type="AUTHORED", position=position)
        for kind, (_, rel_type) in ENTITY_TYPES.items():
            for _ in range(rng.randint(0, 3)):
                target = pools[kind][min(int(rng.paretovariate(1.2)) - 1, len(pools[kind]) - 1)]
                G.add_edge(paper, target, key=rel_type, type=rel_type, field="abstract", start=3, end=9,
                           sentence_index=0, sentence="We study things.", rule="synthetic", mentions=1)
        for cited in rng.sample(range(i), min(i, 3)):
            G.add_edge(paper, f"paper:2401.{cited:05d}", key="CITES", type="CITES", rule="synthetic", mentions=1)
    G.remove_nodes_from([node for node in list(G) if G.degree(node) == 0])
    return G


def timed_load(G: nx.MultiDiGraph, driver, batch_size: int) -> tuple[float, float]:
    """Seconds to load ``G`` into an emptied database, then to load it again (the idempotent reload)."""
    from loaders.neo4j_writer import load_graph, wipe_database
    with driver.session() as session:
        wipe_database(session)
    seconds = []
    for _ in range(2):
        start = time.perf_counter()
        load_graph(G, driver, batch_size=batch_size)
        seconds.append(time.perf_counter() - start)
    return seconds[0], seconds[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=1000, help="synthetic papers (records are about 12x)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per client; the median is reported")
    parser.add_argument("--batch-sizes", default="2000,5000,10000", help="loader batch sizes to compare")
    parser.add_argument("--no-rust-ext", action="store_true",
                        help="block the driver's Rust packstream extension (the pure-Python baseline)")
    args = parser.parse_args()
    rust = not args.no_rust_ext and importlib.util.find_spec("neo4j._rust") is not None
    if args.no_rust_ext:
        sys.modules["neo4j._rust"] = None  # the driver falls back to pure-Python packing on ImportError
    from kg.db import connect
    G = synthetic_graph(args.papers)
    records = G.number_of_nodes() + G.number_of_edges()
    clients = [(f"loader, batch {size}", int(size)) for size in args.batch_sizes.split(",")]
    clients.append(("naive, 1 row per transaction", 1))
    rows, machine_line = [], machine()  # the load average before this bench adds its own
    with connect() as driver:
        timed_load(G, driver, clients[0][1])  # warm up the JVM and plan cache; not reported
        for name, batch_size in clients:
            runs = [timed_load(G, driver, batch_size) for _ in range(args.repeats)]
            first, reload = median([run[0] for run in runs]), median([run[1] for run in runs])
            rows.append({"client": name, "records": records, "first load s": f"{first:.2f}",
                         "first load records/s": f"{records / first:,.0f}", "reload s": f"{reload:.2f}",
                         "reload records/s": f"{records / reload:,.0f}", "_first": first})
    naive = rows[-1]["_first"]
    for row in rows:
        row["first load vs naive"] = f"{naive / row.pop('_first'):.1f}x"
    print(machine_line)
    print(f"driver packstream: {'Rust extension (neo4j-rust-ext)' if rust else 'pure Python'}")
    print(f"{G.number_of_nodes()} nodes + {G.number_of_edges()} relationships, median of {args.repeats} runs\n")
    print(table(rows))
    print(f"\n{this_command()}")


if __name__ == "__main__":
    main()
