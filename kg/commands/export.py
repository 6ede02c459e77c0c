"""``kg export DIR``: the graph of a directory as files for other tools, text included.

    kg export out/sample --neo4j-admin out/import
    kg neo4j stop && kg neo4j admin -- $(cat out/import/import-args.txt) && kg neo4j start
    kg export out/sample --graphml out/sample.graphml --node-link out/sample.json
"""
from __future__ import annotations


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "export", help="write a graph directory as files for other tools",
        description="Write the graph of DIR, abstracts and evidence sentences included (read from the "
                    "directory's text store as each item is written): as CSV header+data files for "
                    "`neo4j-admin database import full` (one node file per label, one relationship file per "
                    "type; the matching arguments go to OUT/import-args.txt; the import needs a stopped server "
                    "and an empty database, then `kg neo4j index`), as GraphML (Gephi, yEd, Cytoscape), "
                    "or as one node-link JSON file (networkx.node_link_graph reads it).")
    parser.add_argument("graph", metavar="DIR", help="graph directory written by `kg build --out`")
    parser.add_argument("--neo4j-admin", metavar="OUT", help="directory to write the CSV files to")
    parser.add_argument("--graphml", metavar="FILE", help="GraphML file to write (lists JSON-encoded)")
    parser.add_argument("--node-link", metavar="FILE", help="node-link JSON file to write")
    parser.set_defaults(func=run)


def run(args) -> int:
    from kg import mirror
    from kg.errors import UsageError
    if not (args.neo4j_admin or args.graphml or args.node_link):
        raise UsageError("kg export needs at least one of --neo4j-admin OUT, --graphml FILE, --node-link FILE")
    G = mirror.read(args.graph, text=False)
    if args.neo4j_admin:
        from loaders.neo4j_admin import write_import_files
        files = write_import_files(G, args.neo4j_admin)
        print(f"Wrote {len(files['nodes'])} node files and {len(files['relationships'])} relationship files "
              f"to {args.neo4j_admin}; arguments for `kg neo4j admin --` in {args.neo4j_admin}/import-args.txt")
    for path, write in ((args.graphml, mirror.export_graphml), (args.node_link, mirror.export_node_link)):
        if path:
            write(G, path)
            print(f"Wrote {path}")
    return 0
