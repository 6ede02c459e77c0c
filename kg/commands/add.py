"""``kg add``: more input files into an existing graph directory, extracting only the new papers."""
from __future__ import annotations

import json
import os
from pathlib import Path

from kg.errors import InputError, UsageError


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


def inputs_after_adding(directory: str, new: list[str]) -> tuple[list[str], dict]:
    """The graph's earlier inputs followed by the new ones it lacks (absolute paths), and its build options."""
    manifest_path = Path(directory) / "manifest.json"
    if not manifest_path.is_file():
        raise UsageError(f"{directory}: not a kg graph directory (no manifest.json); run `kg build` first")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if "input_paths" not in manifest:
        raise UsageError(f"{directory}: built by a kg without `kg add` support; build it again with `kg build`")
    if manifest.get("enrichments"):  # its CITES from Semantic Scholar or OpenAlex come from no input
        raise UsageError(f"{directory}: enriched by `kg enrich`, whose citations a rebuild from the inputs would "
                         "drop; `kg build` all inputs, then `kg enrich` again")
    earlier = manifest["input_paths"]
    for path in earlier:
        if not os.path.isfile(path):
            raise InputError(path, None, f"an input of {directory} is gone; `kg add` builds from every earlier input")
    added = [path for path in map(os.path.abspath, new) if path not in earlier]
    return [*earlier, *dict.fromkeys(added)], manifest.get("options", {})


def run(args) -> int:
    from kg.commands.build import build_into
    inputs, options = inputs_after_adding(args.graph, args.inputs)
    build_into(args.graph, inputs, options, workers=args.workers, neo4j=args.neo4j, quiet=args.quiet, verb="add")
    return 0
