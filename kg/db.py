"""Connecting to Neo4j: a driver from the environment, one-line errors, plain rows.

Settings come from the environment, with defaults that match the local server
(`kg neo4j start`):

========================  ===========================
``NEO4J_URI``             ``bolt://127.0.0.1:7687`` (``neo4j://`` routing URIs work too)
``NEO4J_USERNAME``        ``neo4j``
``NEO4J_PASSWORD``        ``kg-local-password``
``NEO4J_DATABASE``        unset: the server's default database
========================  ===========================

Failures are :class:`kg.errors.KgError` subclasses with distinct exit codes
(4 unreachable, 5 authentication, 6 no such database); messages name the URI,
never the password.

>>> settings({"NEO4J_URI": "neo4j://db.example:7687"})["uri"]
'neo4j://db.example:7687'
>>> settings({})["password"]
'kg-local-password'
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterator, Mapping

import queries
from kg.errors import KgError

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USERNAME = "neo4j"
DEFAULT_PASSWORD = "kg-local-password"


class Neo4jUnavailable(KgError):
    """Neo4j cannot be reached at the configured URI."""

    exit_code = 4


class Neo4jAuthError(KgError):
    """Neo4j refused the configured user name and password."""

    exit_code = 5


class Neo4jDatabaseError(KgError):
    """The configured database does not exist on the server."""

    exit_code = 6


def settings(environ: Mapping[str, str] | None = None) -> dict:
    """The connection settings from ``environ`` (default ``os.environ``), defaults filled in."""
    environ = os.environ if environ is None else environ
    return {"uri": environ.get("NEO4J_URI") or DEFAULT_URI,
            "username": environ.get("NEO4J_USERNAME") or DEFAULT_USERNAME,
            "password": environ.get("NEO4J_PASSWORD") or DEFAULT_PASSWORD,
            "database": environ.get("NEO4J_DATABASE") or None}


def default_database() -> str | None:
    """``NEO4J_DATABASE``, or ``None`` for the server's default database."""
    return settings()["database"]


def _first_line(exc: Exception) -> str:
    text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return text.strip().splitlines()[0]


@contextmanager
def translated_errors(uri: str, database: str | None = None) -> Iterator[None]:
    """Turn the driver's connection, auth and missing-database errors into one-line kg errors."""
    import neo4j.exceptions as errors
    try:
        yield
    except errors.AuthError as exc:
        raise Neo4jAuthError(f"Neo4j at {uri} refused the credentials (check NEO4J_USERNAME/NEO4J_PASSWORD): "
                             f"{_first_line(exc)}") from exc
    except (errors.ServiceUnavailable, errors.SessionError, OSError) as exc:
        raise Neo4jUnavailable(f"cannot reach Neo4j at {uri} (is it running? `kg neo4j start`): "
                               f"{_first_line(exc)}") from exc
    except errors.ClientError as exc:
        if exc.code == "Neo.ClientError.Database.DatabaseNotFound":
            raise Neo4jDatabaseError(f"Neo4j at {uri} has no database {database!r} (check NEO4J_DATABASE)") from exc
        raise


def connect(uri: str | None = None, *, database: str | None = None):
    """A verified ``neo4j.Driver`` for ``uri`` (default ``NEO4J_URI``); the caller closes it.

    ``database`` (default ``NEO4J_DATABASE``) is checked to exist when given.

    >>> with connect() as driver:                      # doctest: +SKIP
    ...     graph_counts(driver)["nodes"]["Paper"]
    443
    """
    import neo4j
    import neo4j.exceptions
    config = settings()
    uri = uri or config["uri"]
    database = database or config["database"]
    try:
        driver = neo4j.GraphDatabase.driver(uri, auth=(config["username"], config["password"]))
    except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
        raise Neo4jUnavailable(f"invalid Neo4j URI {uri!r}: {_first_line(exc)}") from exc
    try:
        with translated_errors(uri, database):
            driver.verify_connectivity()
            if database:
                driver.execute_query(queries.load("internal/ping"), database_=database, routing_=neo4j.RoutingControl.READ)
    except KgError:
        driver.close()
        raise
    return driver


@contextmanager
def read_session(driver, database: str | None = None):
    """A session the server itself keeps read-only (``default_access_mode=READ_ACCESS``)."""
    import neo4j
    with driver.session(database=database or default_database(),
                        default_access_mode=neo4j.READ_ACCESS) as session:
        yield session


def plain(value):
    """A Neo4j value as plain Python: temporal values become ISO strings, nodes their properties."""
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    if hasattr(value, "items") and hasattr(value, "element_id"):  # Node or Relationship
        return {key: plain(item) for key, item in value.items()}
    return value


def read_rows(driver, statement: str, params: dict | None = None, database: str | None = None) -> list[dict]:
    """Rows of ``statement`` run in a read session, as plain dicts (dates as ISO strings).

    >>> read_rows(driver, "MATCH (p:Paper) RETURN p.published AS d LIMIT 1")   # doctest: +SKIP
    [{'d': '2024-01-05'}]
    """
    with read_session(driver, database) as session:
        return session.execute_read(
            lambda tx: [{key: plain(value) for key, value in record.items()}
                        for record in tx.run(statement, params or {})])


def graph_counts(driver, database: str | None = None) -> dict:
    """``{"nodes": {Label: n}, "edges": {TYPE: n}}``, keys sorted: the shape of ``kg info --json``."""
    nodes = {row["label"]: row["n"] for row in read_rows(driver, queries.load("internal/count_nodes"), {}, database)}
    edges = {row["type"]: row["n"] for row in read_rows(driver, queries.load("internal/count_edges"), {}, database)}
    return {"nodes": dict(sorted(nodes.items())), "edges": dict(sorted(edges.items()))}
