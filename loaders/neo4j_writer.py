"""Write a kg graph (the NetworkX mirror) into Neo4j: schema, batched MERGEs, re-extraction cleanup.

Cypher labels and relationship types cannot be parameters, so the statements in
``queries/internal`` that need one are templates with ``{{label}}``-style slots;
:func:`splice` fills them only with names from the schema's fixed allowlist
(:data:`LABELS`, :data:`TYPES`, from :mod:`kg.model`) and refuses anything else.
Every value travels as a parameter.

>>> splice("MERGE (n:{{label}} {id: row.id})", label="Method")
'MERGE (n:Method {id: row.id})'
>>> splice("MERGE (n:{{label}})", label="Method) DETACH DELETE (n")
Traceback (most recent call last):
...
ValueError: 'Method) DETACH DELETE (n' is not a schema label or relationship type
"""
from __future__ import annotations

import datetime
import re
from collections import defaultdict
from functools import partial
from typing import Callable, Iterable, Iterator

import networkx as nx

import queries
from kg import textstore
from kg.model import AUTHORED, CITES, ENTITY_LABELS, EXTRACTED_EDGE_TYPES

LABELS = ("Paper", "Author", *ENTITY_LABELS.values())
TYPES = (*EXTRACTED_EDGE_TYPES, CITES, AUTHORED)
NAMED_LABELS = ("Author", *ENTITY_LABELS.values())  # labels with a `name` lookup index
ENTITY = "Entity"  # second label of every entity node in Neo4j, so label-free lookups can use an index
LOOKUP_SEPARATOR = "\x1f"  # ASCII unit separator: never part of a title, name or alias
DEFAULT_BATCH_SIZE = 10_000  # bench/bench_load.py: at least as fast as 2,000 and 5,000 (within noise), 5x fewer commits
_SLOT = re.compile(r"\{\{(\w+)\}\}")
_SCHEMA_NAME = re.compile(r"^CREATE (?:FULLTEXT |TEXT |RANGE )?(?:CONSTRAINT|INDEX) (?P<name>\w+) IF NOT EXISTS", re.M)


def splice(template: str, **names: str) -> str:
    """``template`` with each ``{{slot}}`` replaced by an allowlisted label or type (or a name made from one)."""
    allowed = {*LABELS, *TYPES, *(f"{label.lower()}_{suffix}" for label in LABELS for suffix in ("id", "name"))}
    for value in names.values():
        if value not in allowed:
            raise ValueError(f"{value!r} is not a schema label or relationship type")
    return _SLOT.sub(lambda match: names[match[1]], template)


def schema_statements() -> list[str]:
    """Every statement that creates the constraints and indexes (all ``IF NOT EXISTS``)."""
    body = "\n".join(line for line in queries.load("internal/schema_fixed").splitlines()
                     if not line.startswith("//"))
    fixed = [statement.strip() for statement in body.split(";\n") if statement.strip()]
    constraints = [splice(queries.load("internal/schema_id_constraint"), label=label, name=f"{label.lower()}_id")
                   for label in LABELS]
    indexes = [splice(queries.load("internal/schema_name_index"), label=label, name=f"{label.lower()}_name")
               for label in NAMED_LABELS]
    return [*constraints, *indexes, *[s.rstrip(";") for s in fixed]]


def lookup_key(attrs: dict) -> str | None:
    """The lower-cased title, name and aliases of a node, each between separators.

    The named queries find a node by any of these with ``n.lookup CONTAINS (sep + toLower($x) + sep)``,
    which a text index answers; an equality on a list element (``$x IN n.aliases``) can use no index.

    >>> lookup_key({"name": "CLIP", "aliases": ["Contrastive Language-Image Pre-training", "clip"]})
    '\x1fclip\x1fcontrastive language-image pre-training\x1f'
    """
    names = {name.lower() for name in [attrs.get("title"), attrs.get("name"), *(attrs.get("aliases") or ())] if name}
    return LOOKUP_SEPARATOR + LOOKUP_SEPARATOR.join(sorted(names)) + LOOKUP_SEPARATOR if names else None


def node_properties(node_id: str, attrs: dict) -> dict:
    """Neo4j properties of a mirror node: ``id`` and ``lookup`` set, ``label`` dropped, ``published`` a date, no nulls.

    >>> node_properties("paper:1", {"label": "Paper", "published": "2024-01-05", "year": 2024})
    {'published': datetime.date(2024, 1, 5), 'year': 2024, 'id': 'paper:1'}
    """
    props = {key: value for key, value in attrs.items() if key != "label" and value is not None}
    if isinstance(props.get("published"), str):
        props["published"] = datetime.date.fromisoformat(props["published"])
    props["id"] = node_id
    if (lookup := lookup_key(attrs)) is not None:
        props["lookup"] = lookup
    return props


def entity_paper_counts(G: nx.MultiDiGraph) -> dict[str, int]:
    """Per entity node of ``G``: how many distinct papers have a relationship to it.

    The same number as ``COUNT { (p:Paper)-->(e) }``; stored as ``e.papers`` so ranked queries
    read an index in order instead of counting every entity's papers per call.
    """
    from kg.twins import papers_into
    return {node: len(papers_into(G, node)) for node, label in G.nodes(data="label") if label in ENTITY_LABELS.values()}


def _batches(rows: list, size: int) -> Iterator[list]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def node_groups(G: nx.MultiDiGraph) -> dict[str, list[dict]]:
    """Node rows per label, in graph order."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for node_id, attrs in G.nodes(data=True):
        groups[attrs["label"]].append({"id": node_id, "props": node_properties(node_id, attrs)})
    return groups


def relationship_groups(G: nx.MultiDiGraph) -> dict[tuple[str, str, str], list[dict]]:
    """Relationship rows per (source label, type, target label), in graph order."""
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for source, target, rel_type, attrs in G.edges(keys=True, data=True):
        props = {key: value for key, value in attrs.items() if key != "type" and value is not None}
        key = (G.nodes[source]["label"], rel_type, G.nodes[target]["label"])
        groups[key].append({"source": source, "target": target, "props": props})
    return groups


def extraction_rows(G: nx.MultiDiGraph) -> list[dict]:
    """Per non-stub paper of ``G``: the extracted edges it has now, as ``"TYPE target-id"`` strings."""
    rows = []
    for node_id, attrs in G.nodes(data=True):
        if attrs["label"] == "Paper" and not attrs.get("stub"):
            keep = sorted(f"{rel_type} {target}" for _, target, rel_type in G.out_edges(node_id, keys=True)
                          if rel_type in EXTRACTED_EDGE_TYPES)
            rows.append({"id": node_id, "keep": keep})
    return rows


def _write(session, statement: str, params: dict):
    """One managed write transaction (the driver retries transient errors); returns its counters."""
    return session.execute_write(lambda tx: tx.run(statement, params).consume().counters)


def ensure_schema(session) -> int:
    """Create the constraints and indexes that are missing (schema changes need their own transactions).

    Returns how many were created.

    One read of the schema first: re-running every ``IF NOT EXISTS`` statement costs a write
    transaction each, a fixed cost of every load.
    """
    existing = {row["name"] for row in session.execute_read(
        lambda tx: tx.run(queries.load("internal/list_schema")).data())}
    missing = [s for s in schema_statements() if _SCHEMA_NAME.search(s)["name"] not in existing]
    for statement in missing:
        _write(session, statement, {})
    return len(missing)


def await_indexes(session, seconds: int = 3600) -> None:
    """Block until every index is online (``internal/await_indexes``), so the next query can use them."""
    session.run(queries.load("internal/await_indexes"), {"seconds": seconds}).consume()


def wipe_database(session, batch_size: int = 10_000) -> int:
    """Delete every node and relationship, in batches; returns the number of nodes deleted."""
    statement, total = queries.load("internal/wipe_batch"), 0
    while True:
        deleted = session.execute_write(lambda tx: tx.run(statement, {"n": batch_size}).single()["deleted"])
        total += deleted
        if deleted == 0:
            return total


def delete_stale_extractions(session, G: nx.MultiDiGraph, batch_size: int) -> tuple[dict, set[str]]:
    """Drop extracted edges the papers of ``G`` no longer have, and the entities this leaves unconnected.

    Returns counts of what was removed and the ids of the methods that lost edges.
    """
    statement = queries.load("internal/delete_stale_extractions")
    removed, methods = {"stale_relationships_deleted": 0, "orphans_deleted": 0}, set()
    for batch in _batches(extraction_rows(G), batch_size):
        row, counters = session.execute_write(lambda tx: _single_with_counters(
            tx.run(statement, {"types": list(EXTRACTED_EDGE_TYPES), "rows": batch})))
        removed["stale_relationships_deleted"] += counters.relationships_deleted
        removed["orphans_deleted"] += counters.nodes_deleted
        methods.update(row["methods"])
    return removed, methods


def _single_with_counters(result) -> tuple:
    return result.single(strict=True), result.consume().counters


# Methods per count_methods transaction: one busy method rewrites thousands of count nodes, and a
# batch of 10,000 at 1M papers outgrew the local server's 1.4 GiB of transaction memory.
COUNT_BATCH_SIZE = 1_000


def count_methods(session, ids: Iterable[str], batch_size: int = COUNT_BATCH_SIZE) -> None:
    """Recount the MethodYear, MethodDataset and MethodTask count nodes of these methods
    (``internal/count_methods``)."""
    statement = queries.load("internal/count_methods")
    for batch in _batches(sorted(ids), batch_size):
        _write(session, statement, {"ids": batch})


def _progress(total: int, enabled: bool):
    from tqdm import tqdm
    return tqdm(total=total, unit="rec", desc="neo4j", disable=not enabled)


def node_rows_with_text(G: nx.MultiDiGraph, rows: list[dict]) -> list[dict]:
    """Node rows with the abstracts ``G``'s text store holds for them (new dicts; ``rows`` unchanged)."""
    if textstore.store_of(G) is None:
        return rows
    return [{**row, "props": {**row["props"], textstore.NODE_TEXT: text}}
            if textstore.NODE_TEXT not in row["props"] and (text := textstore.abstract(G, row["id"])) else row
            for row in rows]


def relationship_rows_with_text(G: nx.MultiDiGraph, rel_type: str, rows: list[dict]) -> list[dict]:
    """Relationship rows (of ``rel_type``) with the evidence sentences ``G``'s text store holds for them."""
    if textstore.store_of(G) is None:
        return rows
    return [{**row, "props": {**row["props"], textstore.EDGE_TEXT: text}}
            if textstore.EDGE_TEXT not in row["props"]
            and (text := textstore.sentence(G, row["source"], row["target"], rel_type, row["props"])) else row
            for row in rows]


def _write_groups(session, statements: Iterable[tuple[str, list[dict], Callable]], batch_size: int, bar) -> None:
    """Each statement over its rows in batches; ``with_text`` adds a batch's text just before it is sent,
    so only one batch of abstracts or sentences is in memory at a time."""
    for statement, rows, with_text in statements:
        for batch in _batches(rows, batch_size):
            _write(session, statement, {"rows": with_text(batch)})
            bar.update(len(batch))


def load_graph(G: nx.MultiDiGraph, driver, *, wipe: bool = False, batch_size: int = DEFAULT_BATCH_SIZE,
               progress: bool = False, database: str | None = None) -> dict:
    """Write ``G`` into Neo4j; loading the same graph twice changes nothing.

    Order: schema, (wipe), stale extracted edges of the loaded papers and the entities left
    without relationships, then nodes, then relationships, then the entities' ``Entity`` label
    and paper counts, then the count nodes of every method the load touched; returns once every index is online. Returns counts of what was sent and removed.

    >>> with kg.db.connect() as driver:                     # doctest: +SKIP
    ...     load_graph(kg.mirror.read("out/sample", text=False), driver)   # the text streams from the store
    {'nodes': 4315, 'relationships': 5509, 'stale_relationships_deleted': 0, 'orphans_deleted': 0, 'wiped': 0}
    """
    from kg.db import default_database
    nodes, relationships = node_groups(G), relationship_groups(G)
    counts = {"nodes": G.number_of_nodes(), "relationships": G.number_of_edges(),
              "stale_relationships_deleted": 0, "orphans_deleted": 0, "wiped": 0}
    with driver.session(database=database or default_database()) as session:
        ensure_schema(session)
        if wipe:
            counts["wiped"] = wipe_database(session)
        removed, stale_methods = delete_stale_extractions(session, G, batch_size)
        counts.update(removed)
        node_template, rel_template = queries.load("internal/merge_nodes"), queries.load("internal/merge_relationships")
        with _progress(counts["nodes"] + counts["relationships"], progress) as bar:
            _write_groups(session, ((splice(node_template, label=label), rows, partial(node_rows_with_text, G))
                                    for label, rows in nodes.items()), batch_size, bar)
            _write_groups(session, ((splice(rel_template, **{"from": a, "type": t, "to": b}), rows,
                                     partial(relationship_rows_with_text, G, t))
                                    for (a, t, b), rows in relationships.items()), batch_size, bar)
        index_entities(session, nodes, batch_size)
        count_methods(session, stale_methods | {row["id"] for row in nodes.get("Method", [])},
                      min(batch_size, COUNT_BATCH_SIZE))
        await_indexes(session)
    return counts


def load_changes(old: nx.MultiDiGraph, new: nx.MultiDiGraph, driver, *, batch_size: int = DEFAULT_BATCH_SIZE,
                 progress: bool = False, database: str | None = None) -> dict:
    """Write into Neo4j, which holds ``old``, only what ``new`` changed (``kg add --neo4j``): the changed
    part of the graph (:func:`loaders.graph_diff.changed_subgraph`) through :func:`load_graph`, then the
    nodes ``new`` no longer has deleted. The database then holds what a load of ``new`` gives."""
    from kg.db import default_database
    from loaders.graph_diff import changed_subgraph, removed_nodes
    counts = {**load_graph(changed_subgraph(old, new), driver, batch_size=batch_size, progress=progress,
                           database=database), "nodes_deleted": 0}
    template = queries.load("internal/delete_nodes")
    with driver.session(database=database or default_database()) as session:
        for label, ids in removed_nodes(old, new).items():
            for batch in _batches(ids, batch_size):
                counts["nodes_deleted"] += _write(session, splice(template, label=label), {"ids": batch}).nodes_deleted
    return counts


def index_entities(session, nodes: dict[str, list[dict]], batch_size: int) -> None:
    """Label the loaded entity nodes ``Entity`` and (re)count their papers (``internal/index_entities``)."""
    template = queries.load("internal/index_entities")
    for label, rows in nodes.items():
        if label in ENTITY_LABELS.values():
            for batch in _batches([row["id"] for row in rows], batch_size):
                _write(session, splice(template, label=label), {"ids": batch})
