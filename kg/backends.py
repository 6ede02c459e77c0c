"""The two backends behind :class:`kg.api.KnowledgeGraph`: the NetworkX mirror and Neo4j.

Both answer the same calls with the same plain Python values:
``run(name, params) -> list[dict]`` (a named query; on the mirror its twin in
:mod:`kg.twins`), ``counts()`` and ``to_networkx()``.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("method:clip", label="Method", id="method:clip", name="CLIP", type="method")
>>> NetworkXBackend(G).run("search_entities", {"text": "cl", "n": 5})
[{'id': 'method:clip', 'name': 'CLIP', 'type': 'method', 'exact': False, 'papers': 0}]
"""
from __future__ import annotations

import os
from typing import Protocol

import networkx as nx

import queries
from kg import mirror, node_index, sqltwins, twins
from kg.db import default_database, read_rows
from kg.model import ENTITY_LABELS, NEO4J_ONLY_PROPERTIES

# The schema's node labels: a node read back from Neo4j keeps the first of these it carries.
SCHEMA_LABELS = ("Paper", "Author", *ENTITY_LABELS.values())


class Backend(Protocol):
    def run(self, name: str, params: dict) -> list[dict]: ...
    def counts(self) -> dict: ...
    def to_networkx(self) -> nx.MultiDiGraph: ...


class NetworkXBackend:
    """Named queries answered by their NetworkX twins over an in-memory MultiDiGraph.

    ``store``: the text.sqlite ``G`` was read from; the queries of :data:`kg.sqltwins.SQL_TWINS` are
    then answered from it (the same rows in milliseconds where the twin visits every entity), until
    ``G`` is handed out by :meth:`to_networkx`, after which it may differ from the store.
    """

    def __init__(self, G: nx.MultiDiGraph, store: str | os.PathLike | None = None):
        self.G = G
        self.store = store

    def run(self, name: str, params: dict) -> list[dict]:
        if self.store is not None and name in sqltwins.SQL_TWINS:
            return sqltwins.run(self.store, name, params)
        node_index.ensure(self.G)  # this backend owns G: its twins find papers and names without a walk
        return twins.run(self.G, name, params)

    def counts(self) -> dict:
        return mirror.counts(self.G)

    def to_networkx(self) -> nx.MultiDiGraph:
        self.store = None  # the caller may change G: from now on the twins answer, over G itself
        node_index.forget(self.G)  # ... walking it, as an index of G as it was could miss a renamed node
        return self.G


class Neo4jBackend:
    """Named queries run as Cypher in read-only sessions on a Neo4j database."""

    def __init__(self, driver, database: str | None = None):
        self.driver = driver
        self.database = database

    def read(self, statement: str, params: dict | None = None) -> list[dict]:
        """Run ``statement`` in a READ session (the server refuses writes); rows as plain dicts."""
        return read_rows(self.driver, statement, params, self.database)

    def write(self, statement: str, params: dict) -> None:
        """Run a write ``statement`` (kg's own statements only, from ``queries/internal``)."""
        with self.driver.session(database=self.database or default_database()) as session:
            session.execute_write(lambda tx: tx.run(statement, params).consume())

    def run(self, name: str, params: dict) -> list[dict]:
        return self.read(queries.load(name), params)

    def counts(self) -> dict:
        nodes = {row["label"]: row["n"] for row in self.read(queries.load("internal/count_nodes"))}
        edges = {row["type"]: row["n"] for row in self.read(queries.load("internal/count_edges"))}
        return {"nodes": dict(sorted(nodes.items())), "edges": dict(sorted(edges.items()))}

    def to_networkx(self) -> nx.MultiDiGraph:
        """Read every node and relationship back into a MultiDiGraph shaped like the mirror."""
        G = nx.MultiDiGraph()
        for row in self.read(queries.load("internal/read_nodes")):
            label = next((name for name in SCHEMA_LABELS if name in row["labels"]), row["labels"][0])
            properties = {key: value for key, value in row["properties"].items() if key not in NEO4J_ONLY_PROPERTIES}
            G.add_node(row["id"], **properties, label=label)
        for row in self.read(queries.load("internal/read_relationships")):
            G.add_edge(row["source"], row["target"], key=row["type"], type=row["type"], **row["properties"])
        return G

