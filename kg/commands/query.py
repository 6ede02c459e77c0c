"""``kg query``: run a named query on the mirror or on Neo4j.

    kg query --list
    kg query papers_using_method --param method=CLIP --graph out/sample
    kg query top_entities --param type=dataset --backend neo4j --format json
"""
from __future__ import annotations

import csv
import json
import sys

from kg.errors import UsageError

FORMATS = ("table", "json", "csv")
CELL_WIDTH = 60  # table cells are cut here; json and csv print values whole


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "query", help="run a named query (kg query --list)",
        description="Run a named query (queries/NAME.cypher) on the NetworkX mirror (--graph DIR) or on "
                    "Neo4j (--backend neo4j). Parameters not given take the query's example values.")
    parser.add_argument("name", nargs="?", metavar="NAME", help="query name (see --list)")
    parser.add_argument("--list", action="store_true", help="list the named queries with their purpose")
    parser.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                        help="a query parameter (repeatable), typed as the query header declares")
    parser.add_argument("--backend", choices=("nx", "neo4j"), default="nx",
                        help="nx: the mirror in --graph DIR (default); neo4j: the configured Neo4j database")
    parser.add_argument("--graph", metavar="DIR", help="graph directory written by `kg build --out`")
    add_format_option(parser)
    parser.set_defaults(func=run)


def add_format_option(parser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="table",
                        help="table (default), json (an array of row objects) or csv")


def parse_params(pairs: list[str]) -> dict[str, str]:
    """``["k=v", ...]`` -> ``{"k": "v"}`` (values stay text; the caller types them)."""
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--param {pair!r}: expected KEY=VALUE")
        params[key.strip()] = value
    return params


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(map(_cell, value))
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= CELL_WIDTH else text[: CELL_WIDTH - 1] + "…"


def print_rows(rows: list[dict], fmt: str, out=None) -> None:
    """Print rows as an aligned table, a JSON array of objects, or CSV (lists JSON-encoded)."""
    out = out or sys.stdout  # looked up per call: a default bound at import ignores later redirection
    if fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2), file=out)
        return
    columns = list(rows[0]) if rows else []
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([json.dumps(v, ensure_ascii=False) if isinstance(v, list) else _cell(v)
                             for v in row.values()])
        return
    if not rows:
        print("(no rows)", file=out)
        return
    cells = [[_cut(_cell(row[c])) for c in columns] for row in rows]
    widths = [max(len(c), *(len(line[i]) for line in cells)) for i, c in enumerate(columns)]
    for line in [columns, ["-" * w for w in widths], *cells]:
        print("  ".join(text.ljust(w) for text, w in zip(line, widths)).rstrip(), file=out)


def list_queries(fmt: str) -> None:
    import queries
    entries = [{"name": name, "purpose": queries.describe(name)["purpose"]} for name in queries.names()]
    if fmt == "json":
        print(json.dumps(entries, ensure_ascii=False, indent=2))
        return
    width = max(len(entry["name"]) for entry in entries)
    for entry in entries:
        print(f"{entry['name']:<{width}}  {entry['purpose']}")


def open_backend(backend: str, graph: str | None):
    """The graph the user pointed at: the mirror in ``graph``, or the configured Neo4j."""
    from kg.api import KnowledgeGraph, open_graph
    if backend == "neo4j":
        from kg.backends import Neo4jBackend
        from kg.db import connect
        return KnowledgeGraph(Neo4jBackend(connect()))
    if not graph:
        raise UsageError("--graph DIR is needed with the nx backend (a directory written by `kg build --out`)")
    return open_graph(graph)


def run(args) -> int:
    if args.list:
        list_queries(args.format)
        return 0
    if not args.name:
        raise UsageError("give a query NAME or --list")
    import queries
    params = queries.bind(args.name, parse_params(args.param), use_examples=True)
    rows = rows_from_store(args.backend, args.graph, args.name, params)
    if rows is None:
        rows = open_backend(args.backend, args.graph).backend.run(args.name, params)
    print_rows(rows, args.format)
    return 0


def rows_from_store(backend: str, graph: str | None, name: str, params: dict) -> list[dict] | None:
    """The rows of a query the mirror's store answers in SQL (:mod:`kg.sqltwins`: the same rows as the
    twin) without reading graph.json, which takes minutes on a large graph; ``None`` for the others."""
    from pathlib import Path

    from kg import mirror, sqltwins
    if backend != "nx" or not graph or name not in sqltwins.SQL_TWINS:
        return None
    store = Path(graph) / mirror.STORE_FILE
    if mirror.graph_file(graph) is None or not sqltwins.has_tables(store):
        return None  # no mirror (open_backend says so) or a store written before the entity tables
    return sqltwins.run(store, name, params)
