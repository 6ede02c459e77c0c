"""Named queries answered from the mirror's store in SQL, without reading graph.json.

Reading a large graph.json into a MultiDiGraph costs minutes and GiB (469 s and 13.4 GiB at 1M
papers, before the text moved out); the entity and evidence queries need none of it. The writer adds tables to
the store (:func:`write`): ``entities`` (id, label, type, name, kind and the number of distinct
papers with a relationship to it, the ``papers`` count ``kg load`` keeps in Neo4j),
``entity_names`` (each entity's id, name and aliases as :func:`str.lower` gives them, so matching
agrees with the twins' ``_is_named`` for any script: SQLite's ``lower`` folds ASCII only),
``papers`` (id, key, title, lower-cased title, year) and ``paper_entities`` (each relationship from
a paper to an entity, with its evidence offsets, rule and mentions; the sentence joins from the
text tables). :func:`run` then returns exactly the rows of the twins in :mod:`kg.twins`
(tests/queries/test_parity.py).

>>> import networkx as nx, tempfile, os
>>> G = nx.MultiDiGraph()
>>> G.add_node("paper:1", label="Paper")
>>> G.add_node("method:clip", label="Method", type="method", name="CLIP", kind="name", aliases=["Contrastive LIP"])
>>> G.add_edge("paper:1", "method:clip", key="USES", type="USES")
'USES'
>>> path = os.path.join(tempfile.mkdtemp(), "store.sqlite")
>>> write(G, path)
>>> run(path, "search_entities", {"text": "lip", "n": 5})
[{'id': 'method:clip', 'name': 'CLIP', 'type': 'method', 'exact': False, 'papers': 1}]
"""
from __future__ import annotations

import os
import sqlite3
from collections import Counter
from itertools import islice
from typing import Callable, Iterable, Iterator

import networkx as nx

from kg.model import NAMED_KINDS
from kg.textstore import ROWS_PER_INSERT, connect_read_only
from kg.twins import DATASET_EDGES, METHOD_EDGES

_SCHEMA = """
CREATE TABLE entities (id PRIMARY KEY, label, type TEXT NOT NULL, name, kind, papers INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE entity_names (lowered TEXT NOT NULL, id NOT NULL);
CREATE TABLE papers (id PRIMARY KEY, key, title, title_lowered, year) WITHOUT ROWID;
CREATE TABLE paper_entities (target NOT NULL, type NOT NULL, source NOT NULL,
                             field, sentence_index, start, "end", rule, mentions,
                             PRIMARY KEY (target, type, source)) WITHOUT ROWID;
"""
_INDEXES = """
CREATE INDEX entities_ranked ON entities (type, papers DESC, id);
CREATE INDEX entity_names_lowered ON entity_names (lowered);
CREATE INDEX papers_key ON papers (key);
CREATE INDEX papers_title_lowered ON papers (title_lowered);
CREATE INDEX paper_entities_source ON paper_entities (source, type, target);
"""
EVIDENCE_FIELDS = ("field", "sentence_index", "start", "end", "rule", "mentions")


def _quoted(values) -> str:
    """An SQL list of the project's own constants (relationship types, kinds): no user text."""
    return ", ".join(f"'{value}'" for value in values)


# Method x dataset pairs and the papers naming both, counted once when the store is written (a join of
# paper_entities with itself on the paper: 2.7 s and 192,640 pairs at 100k papers), so the ranking reads
# the first :n rows of an index, as the Cypher reads the MethodDataset count nodes.
_PAIRS_SELECT = f"""
SELECT m.target AS method, d.target AS dataset, count(DISTINCT m.source) AS papers
FROM paper_entities m JOIN paper_entities d ON d.source = m.source
JOIN entities em ON em.id = m.target AND em.label = 'Method'
JOIN entities ed ON ed.id = d.target AND ed.label = 'Dataset'
WHERE m.type IN ({_quoted(METHOD_EDGES)}) AND d.type IN ({_quoted(DATASET_EDGES)})
GROUP BY m.target, d.target
"""
_PAIRS_TABLE = f"""
CREATE TABLE method_dataset AS {_PAIRS_SELECT};
CREATE INDEX method_dataset_ranked ON method_dataset (papers DESC, method, dataset);
"""
# Each method's papers per year, counted once when the store is written (as Neo4j keeps MethodYear count
# nodes), so rising_methods reads the rows of two years, not their papers' relationships.
_YEARS_SELECT = f"""
SELECT r.target AS method, p.year AS year, count(DISTINCT r.source) AS papers
FROM papers p CROSS JOIN paper_entities r ON r.source = p.id CROSS JOIN entities e ON e.id = r.target
WHERE p.year IS NOT NULL AND r.type IN ({_quoted(METHOD_EDGES)}) AND e.label = 'Method'
GROUP BY r.target, p.year
"""
_YEARS_TABLE = f"""
CREATE TABLE method_year AS {_YEARS_SELECT};
CREATE INDEX method_year_year ON method_year (year, method);
"""
_RISING = """
SELECT y.method, e.name, sum(CASE WHEN y.year = :year - 1 THEN y.papers ELSE 0 END) AS before,
       sum(CASE WHEN y.year = :year THEN y.papers ELSE 0 END) AS now
FROM {years} y JOIN entities e ON e.id = y.method
WHERE y.year IN (:year - 1, :year)
GROUP BY y.method ORDER BY now - before DESC, now DESC, y.method ASC LIMIT :n
"""
_RANKED_PAIRS = """
SELECT p.method, p.dataset, m.name, d.name, p.papers FROM {pairs} p
JOIN entities m ON m.id = p.method JOIN entities d ON d.id = p.dataset
ORDER BY p.papers DESC, p.method ASC, p.dataset ASC LIMIT :n
"""


# Entities named :text by id, name or alias (of :label, or of any entity type when it is NULL).
_NAMED = """
SELECT id FROM entities WHERE (:label IS NULL OR label = :label)
  AND (id = :text OR id IN (SELECT id FROM entity_names WHERE lowered = :lowered))
"""
# Papers whose id or key is :text, or whose title equals it ignoring case (twins.find_papers).
_PAPERS_NAMED = """
SELECT id FROM papers WHERE id = :paper_text UNION SELECT id FROM papers WHERE key = :paper_text
UNION SELECT id FROM papers WHERE title_lowered = :paper_lowered
"""
_EVIDENCE = f"""
SELECT r.source, r.target, r.type, {", ".join(f'r."{f}"' for f in EVIDENCE_FIELDS)}, s.sentence
FROM paper_entities r
LEFT JOIN evidence e ON e.source = r.source AND e.target = r.target AND e.key = r.type
LEFT JOIN sentences s ON s.id = e.sentence
WHERE r.target IN ({_NAMED}) AND r.source IN ({_PAPERS_NAMED})
"""
_TOP = f"""
SELECT id, name, kind, papers FROM entities
WHERE type = :type AND papers > 0
  AND (:kind = 'all' OR kind = :kind OR (:kind = 'names' AND kind IN ({_quoted(NAMED_KINDS)})))
ORDER BY papers DESC, id ASC LIMIT :n
"""
_SEARCH = """
SELECT e.id, e.name, e.type, max(n.lowered = :needle) AS exact, e.papers
FROM entity_names n JOIN entities e ON e.id = n.id
WHERE instr(n.lowered, :needle) > 0
GROUP BY e.id
ORDER BY exact DESC, e.papers DESC, e.id ASC LIMIT :n
"""
_METHOD_PAPERS = f"""
SELECT r.source, p.title, p.year, r.type, r.target
FROM paper_entities r JOIN papers p ON p.id = r.source
WHERE r.target IN ({_NAMED}) AND r.type IN ({_quoted(METHOD_EDGES)}) AND r.source > :after
"""
_PAPER_ENTITIES = f"""
SELECT r.source, r.type, r.target, e.name, r.mentions
FROM paper_entities r JOIN entities e ON e.id = r.target
WHERE r.source IN ({_PAPERS_NAMED})
ORDER BY r.source, r.type, r.target
"""


def _cooccurring_sql(anchor_edges: tuple[str, ...], edges: tuple[str, ...]) -> str:
    """Entities of :listed_label named (by one of ``edges``) in the most papers that name (by one of
    ``anchor_edges``) an entity of :label named :text (twins._cooccurring)."""
    return f"""
SELECT x.target, e.name, count(DISTINCT x.source) AS papers
FROM paper_entities a
JOIN paper_entities x ON x.source = a.source
JOIN entities e ON e.id = x.target
WHERE a.target IN ({_NAMED}) AND a.type IN ({_quoted(anchor_edges)})
  AND x.type IN ({_quoted(edges)}) AND e.label = :listed_label
GROUP BY x.target ORDER BY papers DESC, x.target ASC LIMIT :n
"""


# Methods some paper proposes whose proposing papers link no repository, in the order of the entities_ranked
# index, so SQLite stops after :n of them as the Cypher does (the twin visits every method).
_METHODS_WITHOUT_CODE = """
SELECT e.id, e.name, e.papers FROM entities e
WHERE e.type = 'method' AND e.papers > 0
  AND EXISTS (SELECT 1 FROM paper_entities r WHERE r.target = e.id AND r.type = 'PROPOSES')
  AND NOT EXISTS (SELECT 1 FROM paper_entities r
                  JOIN paper_entities c ON c.source = r.source AND c.type = 'HAS_CODE'
                  JOIN entities repository ON repository.id = c.target AND repository.label = 'Repository'
                  WHERE r.target = e.id AND r.type = 'PROPOSES')
ORDER BY e.papers DESC, e.id ASC LIMIT :n
"""
_DATASETS_FOR_METHOD = _cooccurring_sql(METHOD_EDGES, DATASET_EDGES)
_METHODS_ON_DATASET = _cooccurring_sql(DATASET_EDGES, METHOD_EDGES)
_METHODS_FOR_TASK = _cooccurring_sql(("ADDRESSES",), METHOD_EDGES)


def _write_nodes(db: sqlite3.Connection, G: nx.MultiDiGraph) -> tuple[list, set]:
    """Insert the papers' and the entity names' rows in one walk over the nodes; return the entities'
    rows (without their paper counts, known only after the relationships) and the papers' ids."""
    papers, names, entities, paper_ids = [], [], [], set()
    for node, attrs in G.nodes(data=True):
        if attrs.get("label") == "Paper":
            title = attrs.get("title")
            papers.append((node, attrs.get("key"), title, None if title is None else title.lower(), attrs.get("year")))
            paper_ids.add(node)
        if attrs.get("type") is not None:
            entities.append((node, attrs.get("label"), attrs["type"], attrs.get("name"), attrs.get("kind")))
            lowered = {name.lower() for name in [attrs.get("name"), *attrs.get("aliases", [])] if name is not None}
            names += [(name, node) for name in sorted(lowered)]
        if len(papers) + len(names) >= ROWS_PER_INSERT:
            papers, names = _insert_nodes(db, papers, names)
    _insert_nodes(db, papers, names)
    return entities, paper_ids


def _insert_nodes(db: sqlite3.Connection, papers: list, names: list) -> tuple[list, list]:
    db.executemany("INSERT INTO papers VALUES (?, ?, ?, ?, ?)", papers)
    db.executemany("INSERT INTO entity_names VALUES (?, ?)", names)
    return [], []


def _paper_entity_rows(G: nx.MultiDiGraph, paper_ids: set, entity_ids: set, papers: Counter) -> Iterator[tuple]:
    """``(entity, type, paper, evidence...)`` of every relationship from a Paper to an entity node,
    counting each entity's distinct papers into ``papers`` (relationships come grouped by source
    and target, as a ``MultiDiGraph`` and a :class:`kg.assembly.GraphStream` give them)."""
    last = None
    for source, target, key, attrs in G.edges(keys=True, data=True):
        if source in paper_ids and target in entity_ids:
            if (source, target) != last:
                papers[target] += 1
                last = (source, target)
            yield (target, key, source, *(attrs.get(f) for f in EVIDENCE_FIELDS))


def _insert(db: sqlite3.Connection, statement: str, rows: Iterable[tuple]) -> None:
    rows = iter(rows)
    while chunk := list(islice(rows, ROWS_PER_INSERT)):
        db.executemany(statement, chunk)


def write(G: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    """Add the entity tables of ``G`` to the store at ``path`` (being written, in its generation folder):
    one walk over the nodes, one over the relationships, no lookup by node (a
    :class:`kg.assembly.GraphStream` has none)."""
    db = sqlite3.connect(path)
    try:
        db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
        with db:
            entities, paper_ids = _write_nodes(db, G)
            counted: Counter = Counter()
            _insert(db, "INSERT INTO paper_entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    _paper_entity_rows(G, paper_ids, {row[0] for row in entities}, counted))
            _insert(db, "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)", (row + (counted[row[0]],) for row in entities))
        db.executescript(_INDEXES + _PAIRS_TABLE + _YEARS_TABLE)
    finally:
        db.close()


def _top_entities(db: sqlite3.Connection, type: str, n: int, kind: str) -> list[dict]:
    return [dict(zip(("id", "name", "kind", "papers"), row))
            for row in db.execute(_TOP, {"type": type, "n": n, "kind": kind})]


def _search_entities(db: sqlite3.Connection, text: str, n: int) -> list[dict]:
    return [{"id": id_, "name": name, "type": type_, "exact": bool(exact), "papers": papers}
            for id_, name, type_, exact, papers in db.execute(_SEARCH, {"needle": text.lower(), "n": n})]


def _papers_using_method(db: sqlite3.Connection, method: str, n: int, after: str) -> list[dict]:
    """The twin's page: the rows of the first ``n`` papers (by id) after ``after``, in the twin's order."""
    found = db.execute(_METHOD_PAPERS, {"label": "Method", "text": method, "lowered": method.lower(), "after": after})
    rows = [dict(zip(("paper", "title", "year", "relation", "method"), row)) for row in found]
    page = set(sorted({row["paper"] for row in rows})[:n])
    return sorted((row for row in rows if row["paper"] in page), key=lambda row: (row["paper"], row["method"], row["relation"]))


def _evidence(db: sqlite3.Connection, paper: str, entity: str) -> list[dict]:
    found = db.execute(_EVIDENCE, {"label": None, "text": entity, "lowered": entity.lower(),
                                   "paper_text": paper, "paper_lowered": paper.lower()})
    rows = [{"paper": source, "entity": target, "relation": rel_type, **dict(zip(EVIDENCE_FIELDS[:4], fields[:4])),
             "sentence": sentence, **dict(zip(EVIDENCE_FIELDS[4:], fields[4:]))}
            for source, target, rel_type, *fields, sentence in found]
    return sorted(rows, key=lambda row: (row["paper"], row["entity"], row["relation"]))


def _cooccurring(db: sqlite3.Connection, statement: str, text: str, n: int, label: str, column: str,
                 listed_label: str) -> list[dict]:
    found = db.execute(statement, {"label": label, "text": text, "lowered": text.lower(),
                                   "listed_label": listed_label, "n": n})
    return [{column: node, "name": name, "papers": papers} for node, name, papers in found]


def _datasets_for_method(db: sqlite3.Connection, method: str, n: int) -> list[dict]:
    return _cooccurring(db, _DATASETS_FOR_METHOD, method, n, "Method", "dataset", "Dataset")


def _methods_on_dataset(db: sqlite3.Connection, dataset: str, n: int) -> list[dict]:
    return _cooccurring(db, _METHODS_ON_DATASET, dataset, n, "Dataset", "method", "Method")


def _methods_for_task(db: sqlite3.Connection, task: str, n: int) -> list[dict]:
    return _cooccurring(db, _METHODS_FOR_TASK, task, n, "Task", "method", "Method")


def _method_dataset_pairs(db: sqlite3.Connection, n: int) -> list[dict]:
    """From the pairs counted when the store was written; a store written before them counts them now."""
    statement = _RANKED_PAIRS.format(pairs=_counted(db, "method_dataset", _PAIRS_SELECT))
    return [dict(zip(("method", "dataset", "method_name", "dataset_name", "papers"), row))
            for row in db.execute(statement, {"n": n})]


def _rising_methods(db: sqlite3.Connection, year: int, n: int) -> list[dict]:
    """From the counts per year made when the store was written; a store written before them counts now."""
    statement = _RISING.format(years=_counted(db, "method_year", _YEARS_SELECT))
    return [{"method": method, "name": name, "papers_before": before, "papers": now, "growth": now - before}
            for method, name, before, now in db.execute(statement, {"year": year, "n": n})]


def _counted(db: sqlite3.Connection, table: str, select: str) -> str:
    """``table`` if the store has it, else ``select`` as a subquery: a store written before the table
    counts at query time what the table holds."""
    found = db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()[0]
    return table if found else f"({select})"


def _methods_without_code(db: sqlite3.Connection, n: int) -> list[dict]:
    return [dict(zip(("method", "name", "papers"), row)) for row in db.execute(_METHODS_WITHOUT_CODE, {"n": n})]


def _paper_entities(db: sqlite3.Connection, paper: str) -> list[dict]:
    found = db.execute(_PAPER_ENTITIES, {"paper_text": paper, "paper_lowered": paper.lower()})
    return [dict(zip(("paper", "relation", "entity", "name", "mentions"), row)) for row in found]


SQL_TWINS: dict[str, Callable[..., list[dict]]] = {
    "evidence": _evidence, "top_entities": _top_entities, "search_entities": _search_entities,
    "papers_using_method": _papers_using_method, "datasets_for_method": _datasets_for_method,
    "methods_on_dataset": _methods_on_dataset, "methods_for_task": _methods_for_task,
    "paper_entities": _paper_entities, "methods_without_code": _methods_without_code,
    "method_dataset_pairs": _method_dataset_pairs, "rising_methods": _rising_methods}


def has_tables(path: str | os.PathLike) -> bool:
    """Whether the store at ``path`` has the entity tables (a store written before them has not)."""
    if not os.path.isfile(path):
        return False
    db = connect_read_only(path)
    try:
        return db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'entities'").fetchone()[0] == 1
    finally:
        db.close()


def run(path: str | os.PathLike, name: str, params: dict) -> list[dict]:
    """The rows of query ``name`` (one of :data:`SQL_TWINS`) from the store at ``path``."""
    db = connect_read_only(path)
    try:
        return SQL_TWINS[name](db, **params)
    finally:
        db.close()
