"""``kg cypher``: run your own Cypher on Neo4j, read-only.

The statement runs in a session opened with ``default_access_mode=READ_ACCESS``:
the server itself refuses any write, whatever the text says.

    kg cypher "MATCH (m:Method) RETURN m.name AS name ORDER BY name LIMIT 5"
    kg cypher "MATCH (p:Paper {key: \\$key}) RETURN p.title AS title" --param key=2401.00001
"""
from __future__ import annotations

import json

from kg.commands.query import add_format_option, parse_params, print_rows
from kg.errors import KgError, UsageError


class WriteRefused(KgError):
    """The statement tried to write; ``kg cypher`` is read-only."""

    exit_code = 7


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "cypher", help="run your own Cypher on Neo4j, read-only",
        description="Run a Cypher statement on the configured Neo4j database in a READ session: the "
                    f"server refuses writes (exit {WriteRefused.exit_code}). Use $name in the statement "
                    "and --param name=value; values are read as JSON when they parse (5, true, [1,2]), "
                    "else as text.")
    parser.add_argument("statement", metavar="CYPHER", help="the statement, with $parameters")
    parser.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                        help="a statement parameter (repeatable)")
    add_format_option(parser)
    parser.set_defaults(func=run)


def _json_or_text(value: str):
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        return value


def run_read_only(driver, statement: str, params: dict, database: str | None = None) -> list[dict]:
    """Rows of ``statement`` run in a READ session; a write attempt raises :class:`WriteRefused`."""
    import neo4j.exceptions

    from kg.backends import Neo4jBackend
    try:
        return Neo4jBackend(driver, database).read(statement, params)
    except neo4j.exceptions.ClientError as exc:
        first_line = (exc.message or exc.code or "unknown error").strip().splitlines()[0]
        if exc.code and exc.code.endswith(("AccessMode", "ForbiddenDueToTransactionType")):
            raise WriteRefused(f"refused: kg cypher is read-only ({first_line})") from exc
        raise UsageError(f"Cypher error: {first_line}") from exc


def run(args) -> int:
    from kg.db import connect
    params = {key: _json_or_text(value) for key, value in parse_params(args.param).items()}
    driver = connect()
    try:
        print_rows(run_read_only(driver, args.statement, params), args.format)
    finally:
        driver.close()
    return 0
