"""``kg load DIR``: write a graph directory into Neo4j.

    kg load out/sample                 # merge into the database at NEO4J_URI
    kg load out/sample --wipe          # empty the database first
"""
from __future__ import annotations

import sys


def register(subparsers) -> None:
    from loaders.neo4j_writer import DEFAULT_BATCH_SIZE
    parser = subparsers.add_parser(
        "load", help="write a graph directory into Neo4j",
        description="Write the graph that `kg build --out DIR` wrote into Neo4j (NEO4J_URI, NEO4J_USERNAME, "
                    "NEO4J_PASSWORD, NEO4J_DATABASE). Idempotent: constraints and indexes are created if "
                    "missing, nodes and relationships merged by id; a re-extracted paper's stale edges and "
                    "entities left without relationships are removed.")
    parser.add_argument("graph", metavar="DIR", help="graph directory written by `kg build --out`")
    parser.add_argument("--wipe", action="store_true", help="delete everything in the database first")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, metavar="N",
                        help=f"rows per write transaction (default {DEFAULT_BATCH_SIZE})")
    parser.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    parser.set_defaults(func=run)


def run(args) -> int:
    from kg import mirror
    from kg.errors import UsageError
    if args.batch_size < 1:
        raise UsageError(f"--batch-size must be at least 1, got {args.batch_size}")
    load_into_neo4j(mirror.read(args.graph, text=False), wipe=args.wipe,  # text streams from the store per batch batch_size=args.batch_size,
                    progress=not args.quiet and sys.stderr.isatty(), quiet=args.quiet)
    return 0


def load_into_neo4j(G, *, wipe: bool = False, batch_size: int | None = None, progress: bool = False,
                    quiet: bool = False) -> dict:
    """Load ``G`` into the Neo4j of the environment and print what changed (also `kg enrich --neo4j`)."""
    from kg import db
    from loaders.neo4j_writer import DEFAULT_BATCH_SIZE, load_graph
    uri = db.settings()["uri"]
    with db.connect() as driver, db.translated_errors(uri, db.default_database()):
        counts = load_graph(G, driver, wipe=wipe, batch_size=batch_size or DEFAULT_BATCH_SIZE, progress=progress)
    if not quiet:
        print(f"Loaded {counts['nodes']} nodes and {counts['relationships']} relationships into {uri}; "
              f"removed {counts['stale_relationships_deleted']} stale relationships and "
              f"{counts['orphans_deleted']} unconnected entities")
    return counts
