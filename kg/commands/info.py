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
    from kg import mirror
    print_counts(mirror.counts(mirror.read(args.graph)), args.json)
    return 0
