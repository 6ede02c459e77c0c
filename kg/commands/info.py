"""``kg info``: what a graph holds."""
from __future__ import annotations

import json


def register(subparsers) -> None:
    parser = subparsers.add_parser("info", help="count nodes per label and relationships per type",
                                   description="Count nodes per label and relationships per type "
                                               "of a graph directory written by `kg build`.")
    parser.add_argument("graph", metavar="DIR", help="graph directory written by `kg build --out`")
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
    from kg import mirror
    print_counts(mirror.counts(mirror.read(args.graph)), args.json)
    return 0
