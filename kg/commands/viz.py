"""``kg viz``: write an HTML view of the graph that opens offline from file://."""
from __future__ import annotations

import argparse


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "viz", help="write an HTML view of the graph (self-contained, works offline)",
        description="Write one self-contained HTML page (no network needed) showing the graph: "
                    "an overview of the most connected papers and entities, one node's "
                    "neighbourhood, or a methods x datasets map.")
    views = parser.add_subparsers(dest="view", metavar="VIEW")
    views.required = True
    common = argparse.ArgumentParser(add_help=False)
    source = common.add_mutually_exclusive_group(required=True)
    source.add_argument("--graph", metavar="DIR", help="graph directory written by `kg build --out`")
    source.add_argument("--neo4j", action="store_true",
                        help="read the graph from Neo4j (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD)")
    common.add_argument("--output", "-o", required=True, metavar="FILE.html", help="page to write")

    overview = views.add_parser("overview", parents=[common], help="the most connected papers and entities",
                                description="The --top most connected papers and entities (authors left "
                                            "out), coloured and shaped by type, ringed by community.")
    overview.add_argument("--top", type=int, default=150, metavar="N", help="nodes to draw (default 150)")
    overview.add_argument("--size", choices=("degree", "pagerank"), default="degree",
                          help="what node size shows (default degree)")
    ego = views.add_parser("ego", parents=[common], help="one paper, method or dataset and its neighbourhood",
                           description="NODE and everything within --depth hops of it.")
    ego.add_argument("node", metavar="NODE",
                     help="node id (method:clip) or a name, alias, title or arXiv id (case-insensitive)")
    ego.add_argument("--depth", type=int, default=1, metavar="N", help="hops from NODE (default 1)")
    ego.add_argument("--limit", type=int, default=400, metavar="N",
                     help="draw at most N nodes, nearest first (default 400)")
    method_map = views.add_parser("map", parents=[common], help="methods x datasets, by co-occurrence",
                                  description="Methods and datasets linked when papers use the method and "
                                              "evaluate on the dataset; edge width = number of papers.")
    method_map.add_argument("--top", type=int, default=120, metavar="N",
                            help="methods and datasets to draw (default 120)")
    parser.set_defaults(func=run)


def run(args) -> int:
    from kg import viz
    G = _read_neo4j() if args.neo4j else _read_mirror(args.graph)
    if args.view == "overview":
        page = viz.overview(G, top=args.top, size=args.size)
    elif args.view == "ego":
        page = viz.ego(G, args.node, depth=args.depth, limit=args.limit)
    else:
        page = viz.method_dataset_map(G, top=args.top)
    viz.write_html(page, args.output)
    print(f"Wrote {args.output} ({len(page.encode('utf-8')) // 1024} KiB); open it in a browser "
          f"(it needs no network).")
    return 0


def _read_mirror(directory: str):
    from kg import mirror
    return mirror.read(directory, text=False)  # the drawn nodes' text is read from the store


def _read_neo4j():
    """The graph in Neo4j (NEO4J_* variables), read back into a mirror-shaped MultiDiGraph."""
    from kg.backends import Neo4jBackend
    from kg.db import connect
    driver = connect()
    try:
        return Neo4jBackend(driver).to_networkx()
    finally:
        driver.close()
