"""``kg enrich --graph DIR``: citation edges from Semantic Scholar or OpenAlex.

    kg enrich --graph out/sample                          # references, Semantic Scholar
    kg enrich --graph out/sample --citations --neo4j      # and the papers citing them; load Neo4j
    kg enrich --graph out/sample --source openalex
"""
from __future__ import annotations

import sys


def register(subparsers) -> None:
    from kg.enrich import SOURCES
    from kg.enrich.client import RetryPolicy
    defaults = RetryPolicy()
    parser = subparsers.add_parser(
        "enrich", help="add citation edges from Semantic Scholar or OpenAlex",
        description="Look the graph's papers up on the Semantic Scholar Academic Graph API (by arXiv id, "
                    "DOI or title; KG_S2_API_URL, key from S2_API_KEY) or OpenAlex (KG_OPENALEX_API_URL, "
                    "OPENALEX_MAILTO), and add their references as CITES edges: to papers of the graph where "
                    "they match, to new stub papers otherwise. Writes the graph as a new mirror generation. "
                    "Answers are cached (an interrupted run resumes; a second run asks nothing it has). "
                    "docs/enrich.md says what is sent where.")
    parser.add_argument("--graph", required=True, metavar="DIR", help="graph directory written by `kg build --out`")
    parser.add_argument("--source", choices=SOURCES, default="s2", help="which API to ask (default s2)")
    parser.add_argument("--citations", action="store_true", help="also add the papers citing each paper")
    parser.add_argument("--cache", metavar="DIR", help="answer cache directory (default DIR/.enrich-cache)")
    parser.add_argument("--tries", type=int, default=defaults.tries, metavar="N",
                        help=f"attempts per request on 429, 5xx, malformed JSON or a timeout, with exponential "
                             f"backoff (default {defaults.tries}); then that paper counts as not found")
    parser.add_argument("--backoff", type=float, default=defaults.backoff, metavar="SECONDS",
                        help=f"first wait before a retry, doubled after each failed try, unless the server's "
                             f"Retry-After says otherwise (default {defaults.backoff:g})")
    parser.add_argument("--timeout", type=float, default=defaults.timeout, metavar="SECONDS",
                        help=f"seconds to wait for one answer (default {defaults.timeout:g})")
    parser.add_argument("--interval", type=float, metavar="SECONDS",
                        help="least time between two requests (default 1 for s2, 0.1 for openalex)")
    parser.add_argument("--neo4j", action="store_true",
                        help="also load the enriched graph into Neo4j, as `kg load` does")
    parser.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    parser.set_defaults(func=run)


def run(args) -> int:
    from pathlib import Path

    from kg import mirror
    from kg.enrich import CACHE_DIR, enrich, write_enriched
    from kg.errors import UsageError
    if args.tries < 1 or args.timeout <= 0 or args.backoff < 0 or (args.interval or 0) < 0:
        raise UsageError("--tries must be at least 1, --timeout above 0, --backoff and --interval not negative")
    G = mirror.read(args.graph, text=False)  # the text stays in the store; mirror.write carries it over
    progress = not args.quiet and sys.stderr.isatty()
    report = enrich(G, args.source, cache_dir=args.cache or Path(args.graph) / CACHE_DIR, citations=args.citations,
                    interval=args.interval, progress=progress, on_failure=None if args.quiet else _warn,
                    tries=args.tries, backoff=args.backoff, timeout=args.timeout)
    write_enriched(G, args.graph, report)
    if not args.quiet:
        print(report.summary())
        print(f"Wrote {args.graph}/graph.json.gz; `kg info {args.graph}` counts it.")
    if args.neo4j:
        from kg.commands.load import load_into_neo4j
        load_into_neo4j(G, progress=progress, quiet=args.quiet)
    return 0


def _warn(message: str) -> None:
    from tqdm import tqdm
    tqdm.write(f"kg: warning: not found: {message}", file=sys.stderr)
