"""``kg add``: more input files into an existing graph directory, extracting only the new papers."""
from __future__ import annotations

import os


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "add", help="add paper files to a graph directory, extracting only new papers",
        description="Add paper records to the graph in DIR. The result is the graph `kg build` makes of the "
                    "earlier inputs and the new ones together (papers merged with those already there, names "
                    "resolved over the whole corpus), and the inputs of the graph must still be where they were "
                    "built from. Only papers the graph has not seen are extracted: the others come from "
                    "DIR/.kg-cache. Adding a file the graph already has changes nothing.")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="input files to add")
    parser.add_argument("--graph", required=True, metavar="DIR", help="graph directory written by `kg build --out`")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="extraction worker processes for the new papers (default: number of cores)")
    parser.add_argument("--neo4j", action="store_true",
                        help="also write into Neo4j (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD) what the addition "
                             "changed; the database must hold the graph as it was (kg build --neo4j or kg load)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    parser.set_defaults(func=run)


def run(args) -> int:
    from kg.build import build_into, inputs_after_adding
    inputs, options = inputs_after_adding(args.graph, args.inputs)
    build_into(args.graph, inputs, options, workers=args.workers, neo4j=args.neo4j, quiet=args.quiet, verb="add")
    return 0
