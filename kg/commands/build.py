"""``kg build``: input files -> knowledge graph directory (and optionally Neo4j)."""
from __future__ import annotations

import argparse
import os

from kg.mirror import GRAPHML_MAX_ITEMS


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "build", help="read paper files, extract entities, write the graph",
        description="Read paper records (format auto-detected), merge duplicates, extract methods, "
                    "datasets, tasks, metrics and code links, and write the NetworkX mirror "
                    "(graph.json.gz, text.sqlite, graph.graphml, mentions.jsonl.gz, manifest.json) into DIR.")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="input files (see `--format`)")
    parser.add_argument("--out", required=True, metavar="DIR", help="graph directory to write")
    parser.add_argument("--format", help="force the input format for every file "
                                         "(hf-page, hf-api, arxiv, s2, s2orc, openalex, jsonl, csv)")
    parser.add_argument("--skip-bad", action="store_true",
                        help="skip malformed records (reported on stderr) instead of stopping")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="extraction worker processes (default: number of cores)")
    parser.add_argument("--keep-descriptions", action="store_true",
                        help="also make nodes of mentions that name no entity (kind `description`: "
                             "\"a two-level instruction architecture\", \"develop models\"); by default they "
                             "stay in mentions.jsonl.gz only (docs/extraction.md)")
    parser.add_argument("--graphml", action=argparse.BooleanOptionalAction, default=None,
                        help="write graph.graphml (default: only up to "
                             f"{GRAPHML_MAX_ITEMS:,} nodes and relationships; `kg export --graphml` at any size)")
    parser.add_argument("--neo4j", action="store_true",
                        help="also load the graph into Neo4j (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    parser.set_defaults(func=run)


def run(args) -> int:
    from kg.build import build_into
    options = {"format": args.format, "skip_bad": args.skip_bad, "keep_descriptions": args.keep_descriptions}
    build_into(args.out, args.inputs, options, workers=args.workers, neo4j=args.neo4j, quiet=args.quiet,
               graphml=args.graphml)
    return 0
