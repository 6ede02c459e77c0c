"""``kg info``: what a graph holds."""
from __future__ import annotations

import json


def register(subparsers) -> None:
    parser = subparsers.add_parser("info", help="count nodes per label and relationships per type",
                                   description="Count nodes per label and relationships per type "
                                               "of a graph directory written by `kg build`.")
    parser.add_argument("graph", metavar="DIR", nargs="?", help="graph directory written by `kg build --out`")
    parser.add_argument("--neo4j", action="store_true",
                        help="count the Neo4j database at NEO4J_URI instead of a graph directory")
    parser.add_argument("--json", action="store_true",
                        help='print exactly {"nodes": {Label: n}, "edges": {TYPE: n}}')
    parser.set_defaults(func=run)


def print_counts(counts: dict, as_json: bool) -> None:
    """Print counts as JSON or as an aligned two-part table."""
    if as_json:
        print(json.dumps(counts))
        return
    for title, table in (("nodes", counts["nodes"]), ("relationships", counts["edges"])):
        print(f"{title}: {sum(table.values())}")
        for name, n in table.items():
            print(f"  {name:<14} {n:>9}")


def run(args) -> int:
    from kg.errors import UsageError
    if args.neo4j == (args.graph is not None):
        raise UsageError("kg info takes either a graph directory DIR or --neo4j")
    if args.neo4j:
        from kg import db
        with db.connect() as driver, db.translated_errors(db.settings()["uri"], db.default_database()):
            print_counts(db.graph_counts(driver), args.json)
        return 0
    print_counts(directory_counts(args.graph), args.json)
    return 0


def directory_counts(directory: str) -> dict:
    """The counts the mirror's manifest records (written with graph.json in one generation, so they
    agree), else those of the graph read back: reading a 1M-paper graph takes minutes."""
    from pathlib import Path

    from kg import mirror
    try:
        counts = json.loads((Path(directory) / mirror.MANIFEST_FILE).read_text(encoding="utf-8"))["counts"]
    except (OSError, ValueError, KeyError, TypeError):
        counts = None
    if mirror.graph_file(directory) is None or not isinstance(counts, dict):
        return mirror.counts(mirror.read(directory, text=False))  # also the error for a directory without a mirror
    return counts
