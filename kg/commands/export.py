"""``kg export DIR --neo4j-admin OUT``: CSV files for Neo4j's bulk importer.

    kg export out/sample --neo4j-admin out/import
    kg neo4j stop && kg neo4j admin -- $(cat out/import/import-args.txt) && kg neo4j start
"""
from __future__ import annotations


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "export", help="write a graph directory as files for other tools",
        description="Write the graph of DIR as CSV header+data files for `neo4j-admin database import full` "
                    "(one node file per label, one relationship file per type; the matching arguments "
                    "go to OUT/import-args.txt). The import needs a stopped server and an empty database; "
                    "run `kg load` afterwards to add constraints and indexes.")
    parser.add_argument("graph", metavar="DIR", help="graph directory written by `kg build --out`")
    parser.add_argument("--neo4j-admin", required=True, metavar="OUT", help="directory to write the CSV files to")
    parser.set_defaults(func=run)


def run(args) -> int:
    from kg import mirror
    from loaders.neo4j_admin import write_import_files
    files = write_import_files(mirror.read(args.graph), args.neo4j_admin)
    print(f"Wrote {len(files['nodes'])} node files and {len(files['relationships'])} relationship files "
          f"to {args.neo4j_admin}; arguments for `kg neo4j admin --` in {args.neo4j_admin}/import-args.txt")
    return 0
