"""The ``kg`` command line: one module per verb in ``kg/commands``.

Each verb module has ``register(subparsers)`` which adds its parser and sets
``func`` to a callable taking the parsed ``args`` and returning an exit code.

Exit codes: 0 ok, 1 unexpected failure, 2 usage error, 3 bad input,
4 Neo4j unreachable (or the local server failed to start; for ``kg enrich``: the API's host),
5 Neo4j authentication failed (``kg enrich``: the API refused the key), 6 Neo4j database missing,
7 a write refused by ``kg cypher``'s read-only session, 130 interrupted, 141 the output pipe closed
(``kg query ... | head``; as for a command SIGPIPE ends, and without a word on stderr).
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from kg.errors import KgError

EXIT_PIPE_CLOSED = 141
VERBS = ["build", "add", "info", "extract", "eval", "load", "export", "neo4j", "query", "cypher", "viz", "enrich"]


def make_parser(verbs: list[str] = VERBS) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg", description="Turn ML paper records into a knowledge graph (NetworkX mirror and Neo4j).")
    from kg import __version__
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    subparsers = parser.add_subparsers(dest="verb", metavar="VERB")
    subparsers.required = True
    for verb in verbs:
        importlib.import_module(f"kg.commands.{verb}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        try:
            return _run(argv)
        finally:
            sys.stdout.flush()  # so a closed pipe shows here, not in the interpreter's exit flush
    except BrokenPipeError:
        # The reader went away (`| head`): what it wanted is written. Nothing may be flushed
        # again into the closed pipe at exit, so stdout now goes nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PIPE_CLOSED


def _run(argv: list[str] | None) -> int:
    args = make_parser(_verbs_needed(sys.argv[1:] if argv is None else argv)).parse_args(argv)
    try:
        return args.func(args) or 0
    except KgError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130


def _verbs_needed(argv: list[str]) -> list[str]:
    """The named verb alone, when the first argument names one: a verb's module is imported to add its
    parser, and some import the graph machinery (`kg build`'s, networkx), which `kg extract` has no use for."""
    return argv[:1] if argv[:1] and argv[0] in VERBS else VERBS


if __name__ == "__main__":
    sys.exit(main())
