"""``kg build``: input files -> knowledge graph directory (and optionally Neo4j)."""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from kg import __version__
from kg.mirror import GRAPHML_MAX_ITEMS


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "build", help="read paper files, extract entities, write the graph",
        description="Read paper records (format auto-detected), merge duplicates, extract methods, "
                    "datasets, tasks, metrics and code links, and write the NetworkX mirror "
                    "(graph.json, text.sqlite, graph.graphml, mentions.jsonl, manifest.json) into DIR.")
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
                             "stay in mentions.jsonl only (docs/extraction.md)")
    parser.add_argument("--graphml", action=argparse.BooleanOptionalAction, default=None,
                        help="write graph.graphml (default: only up to "
                             f"{GRAPHML_MAX_ITEMS:,} nodes and relationships; `kg export --graphml` at any size)")
    parser.add_argument("--neo4j", action="store_true",
                        help="also load the graph into Neo4j (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    parser.set_defaults(func=run)


def write_mentions(handle, papers, mentions) -> None:
    """The `kg extract` contract lines of every merged paper, in build order."""
    for paper, paper_mentions in zip(papers, mentions):
        entities = [m.to_contract() for m in paper_mentions if m.type != "link"]
        handle.write(json.dumps({"id": paper.record_id or paper.key, "entities": entities},
                                ensure_ascii=False) + "\n")


def run(args) -> int:
    options = {"format": args.format, "skip_bad": args.skip_bad, "keep_descriptions": args.keep_descriptions}
    build_into(args.out, args.inputs, options, workers=args.workers, neo4j=args.neo4j, quiet=args.quiet,
               graphml=args.graphml)
    return 0


def build_into(out: str, inputs: list[str], options: dict, *, workers: int, neo4j: bool = False,
               quiet: bool = False, verb: str = "build", graphml: bool | None = None):
    """Build ``inputs`` into the graph directory ``out`` (and Neo4j): what `kg build` and `kg add` run.

    ``options`` are the build options (``format``, ``skip_bad``, ``keep_descriptions``); the manifest
    keeps them and the inputs' absolute paths, which is what `kg add` builds again from. Papers
    extracted before come from ``out``'s extraction cache. ``graphml``: write graph.graphml (None: up
    to :data:`kg.mirror.GRAPHML_MAX_ITEMS`). Returns the build report.
    """
    from kg import mirror
    from kg.build import build_graph
    from kg.extraction.cache import CACHE_DIR, CACHE_FILE

    def report_bad(error):
        print(f"kg: skipped {error}", file=sys.stderr)

    progress = not quiet and sys.stderr.isatty()
    before = mirror.read(out) if neo4j and verb == "add" else None  # what the database was loaded with
    G, papers, mentions, report = build_graph(inputs, workers=workers, progress=progress, on_bad=report_bad,
                                              cache=os.path.join(out, CACHE_DIR, CACHE_FILE), **options)
    manifest = {"kg_version": __version__, "inputs": report.inputs,
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "records": report.records, "skipped_records": report.bad_records,
                "input_paths": [os.path.abspath(path) for path in inputs], "options": options}
    mirror.write(G, out, manifest=manifest, graphml=graphml,
                 extra_files={"mentions.jsonl": lambda handle: write_mentions(handle, papers, mentions)})
    if not quiet:
        print(report.summary(G))
        wrote = f"{out}/graph.json" + (" and graph.graphml" if (Path(out) / mirror.GRAPHML_FILE).exists() else "")
        extracted = f"Extracted {report.extracted} of {report.papers} papers (the others from the extraction cache). "
        print(f"{extracted if verb == 'add' else ''}Wrote {wrote}; `kg info {out}` counts it.")
    if neo4j:
        from kg.db import connect
        from loaders.neo4j_writer import load_changes, load_graph
        with connect() as driver:
            loaded = load_graph(G, driver, progress=progress) if before is None else \
                load_changes(before, G, driver, progress=progress)
        if not quiet:
            print(f"Loaded into Neo4j: {loaded}")
    return report
