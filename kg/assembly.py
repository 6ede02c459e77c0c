"""The graph of a build, written without being held: papers, mentions, entities and citations
become the nodes and relationships of one :class:`GraphStream`.

A ``networkx.MultiDiGraph`` of a 1M-paper corpus needs ~7.5 GiB beside the papers and mentions
it is made of; the mirror writer only iterates over it. So a build spools each paper as it comes
out of extraction (its node properties with the abstract, its authors, its distinct evidence
sentences) into a temporary SQLite file, keeps in memory only what the corpus-wide steps need (the
mentions without their sentences, for resolution; each author's papers), and after resolution
spools each paper's relationships while it writes its mentions line and drops its mentions. A
:class:`GraphStream` then gives the nodes and relationships in the order the ``MultiDiGraph`` that
:func:`assemble` makes iterates them, as often as a writer asks, one paper at a time.

>>> from kg.model import Paper, Mention, Entity
>>> p = Paper(title="CLIP for X", arxiv_id="2401.00001", authors=["Ada Lovelace"])
>>> m = Mention("method", "CLIP", "CLIP", "uses", "title", 0, 4, evidence="CLIP for X", entity_id="method:clip")
>>> G = assemble([p], [[m]], [Entity("method", "CLIP")], citations=[], stubs=[])
>>> sorted(G.edges(keys=True))
[('author:ada-lovelace', 'paper:2401.00001', 'AUTHORED'), ('paper:2401.00001', 'method:clip', 'USES')]
>>> G.edges["paper:2401.00001", "method:clip", "USES"]["sentence"]
'CLIP for X'
"""
from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from array import array
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator, Sequence, TextIO

import networkx as nx

from kg.model import AUTHORED, CITES, ROLE_EDGE_TYPES, Edge, Entity, Mention, Paper, slug
from kg.output import contract_line

# When a paper both proposes and uses an entity, the stronger role names the edge.
ROLE_PRECEDENCE = {"uses": "proposes", "evaluates_on": "introduces"}

_SCALAR_PAPER_FIELDS = ("key", "title", "abstract", "arxiv_id", "doi", "date", "published", "year",
                        "upvotes", "authors_count", "venue", "url", "code_url")
SPOOL_FILE = "spool.sqlite"
ROWS_PER_BATCH = 2048
_SCHEMA = """
PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
CREATE TABLE papers (i INTEGER PRIMARY KEY, record TEXT NOT NULL, node TEXT NOT NULL, authors TEXT NOT NULL,
                     sentences TEXT NOT NULL);
CREATE TABLE edges (i INTEGER PRIMARY KEY, edges TEXT NOT NULL);
"""
# Each paper's row: its node, and its relationships with the sentences they cite (a stub has none).
# A walk reads only the columns it decodes: a paper's node (with its abstract) or its relationships.
_WALK = "SELECT {}, p.authors, {} FROM papers p LEFT JOIN edges e ON e.i = p.i WHERE p.i >= ? ORDER BY p.i LIMIT ?"
# ASCII escapes: an abstract with a lone surrogate is valid Python text but no valid UTF-8 for SQLite.
_encode = json.JSONEncoder(ensure_ascii=True).encode


def paper_properties(paper: Paper) -> dict:
    """A paper's node properties: unknown values are left out, lists kept as lists."""
    props = {name: getattr(paper, name) for name in _SCALAR_PAPER_FIELDS}
    if props["authors_count"] is None and paper.authors:
        props["authors_count"] = len(paper.authors)
    props.update({f"{kind}_id": value for kind, value in paper.external_ids.items()})
    props.update(categories=list(paper.categories), sources=list(paper.sources))
    props = {k: v for k, v in props.items() if v not in (None, "", [])}
    props["stub"] = paper.stub
    return props


def mention_edges(paper_id: str, mentions: Sequence[Mention]) -> list[Edge]:
    """One edge per (entity, relationship type): first mention as evidence, all counted."""
    strongest = {}
    for m in mentions:
        role = strongest.get(m.entity_id)
        if role is None or ROLE_PRECEDENCE.get(role) == m.role:
            strongest[m.entity_id] = m.role
    edges: dict[str, Edge] = {}
    for m in sorted(mentions, key=lambda m: (m.field != "title", m.start)):
        if m.entity_id in edges:
            edges[m.entity_id].mentions += 1
            continue
        edges[m.entity_id] = Edge(paper_id, ROLE_EDGE_TYPES[strongest[m.entity_id]], m.entity_id,
                                  field=m.field, start=m.start, end=m.end, sentence_index=m.sentence,
                                  sentence=m.evidence, rule=m.source)
    return list(edges.values())


def entity_attributes(entity: Entity) -> dict:
    props = {"name": entity.name, "aliases": sorted(entity.aliases), "type": entity.type, "kind": entity.kind,
             "confidence": entity.confidence, "host": entity.host}
    return {"label": entity.label, "id": entity.node_id, **{k: v for k, v in props.items() if v not in (None, [])}}


class GraphParts:
    """What a build collects of its graph, paper by paper, in the temporary folder ``folder``."""

    def __init__(self, folder: str | os.PathLike):
        self.db = sqlite3.connect(Path(folder) / SPOOL_FILE)
        self.db.executescript(_SCHEMA)
        self.papers = 0  # papers and stubs spooled, in node order
        self.paper_ids: list[str] = []
        # author id -> [its name as the last paper spells it, (paper number, position) of each AUTHORED]
        self.authors: dict[str, list] = {}
        self.cites: dict[str, dict[str, str]] = {}  # citing paper id -> {cited paper id: rule}
        self.edge_counts: Counter = Counter()
        self._rows: list[tuple] = []

    def add_paper(self, paper: Paper, mentions: Sequence[Mention] = ()) -> None:
        """Spool ``paper`` (abstract included) and the distinct sentences of its ``mentions``; each
        mention keeps only its sentence's number there, in ``evidence``, until :meth:`add_edges`."""
        node = {"label": "Paper", "id": paper.node_id, **paper_properties(paper)}
        sentences: dict[str, int] = {}
        for mention in mentions:
            mention.evidence = sentences.setdefault(mention.evidence, len(sentences))
        self._rows.append((self.papers, paper.record_id or paper.key, _encode(node), _encode(paper.authors),
                           _encode(list(sentences))))
        self._authored(paper.authors)
        self.paper_ids.append(node["id"])
        self.papers += 1
        if len(self._rows) >= ROWS_PER_BATCH:
            self._flush()

    def _authored(self, names: list[str]) -> None:
        for position, name in enumerate(names):
            author_id = "author:" + slug(name)
            if author_id == "author:":
                continue
            entry = self.authors.setdefault(author_id, [name, array("q")])
            entry[0] = name
            papers = entry[1]
            if not papers or papers[-2] != self.papers:  # an author twice in one paper: the first position
                papers.extend((self.papers, position))
                self.edge_counts[AUTHORED] += 1

    def _flush(self) -> None:
        with self.db:
            self.db.executemany("INSERT INTO papers VALUES (?, ?, ?, ?, ?)", self._rows)
        self._rows = []

    def add_edges(self, mentions_per_paper: list[list[Mention] | None], kinds: Sequence[str] | None = None,
                  contract: TextIO | None = None) -> None:
        """Spool each paper's relationships to the entities of ``kinds`` (default: every mention's), and
        write its line of mentions.jsonl.gz into ``contract``; each paper's mentions are dropped once done."""
        self._flush()
        for start in range(0, len(mentions_per_paper), ROWS_PER_BATCH):
            query = "SELECT i, record, node, sentences FROM papers WHERE i >= ? AND i < ? ORDER BY i"
            rows = self.db.execute(query, (start, min(start + ROWS_PER_BATCH, len(mentions_per_paper)))).fetchall()
            spooled = [self._paper_edges(mentions_per_paper, row, kinds, contract) for row in rows]
            with self.db:
                self.db.executemany("INSERT INTO edges VALUES (?, ?)", spooled)

    def _paper_edges(self, mentions_per_paper, row, kinds, contract) -> tuple[int, str]:
        index, record, node, sentences = row
        sentences = json.loads(sentences)
        mentions = mentions_per_paper[index]
        mentions_per_paper[index] = None
        for mention in mentions:
            mention.evidence = sentences[mention.evidence]
        if contract is not None:
            contract.write(contract_line(record, mentions))
        edges = mention_edges(json.loads(node)["id"], [m for m in mentions if kinds is None or m.kind in kinds])
        used: dict[str, int] = {}
        spooled = []
        for edge in edges:
            attrs = {"type": edge.type, **edge.properties()}
            attrs["sentence"] = used.setdefault(attrs["sentence"], len(used))
            spooled.append((edge.target, attrs))
            self.edge_counts[edge.type] += 1
        return index, _encode([list(used), spooled])

    def add_citations(self, citations: Iterable[tuple[str, str, str]]) -> None:
        """``(citing key, cited key, rule)`` triples: one CITES relationship per pair, the first rule."""
        for citing, cited, rule in citations:
            source, target = "paper:" + citing, "paper:" + cited
            if source != target and target not in self.cites.setdefault(source, {}):
                self.cites[source][target] = rule
                self.edge_counts[CITES] += 1

    def graph(self, entities: Iterable[Entity]) -> GraphStream:
        """The graph of everything added, with ``entities`` as its entity nodes."""
        self._flush()
        return GraphStream(self, [entity_attributes(entity) for entity in entities])


class GraphStream:
    """A graph written, not held: the part of ``networkx.MultiDiGraph``'s reading interface the
    mirror writers use (``nodes``, ``edges``, their numbers, ``graph``), each iteration a walk over
    the spooled papers in the order :func:`assemble`'s ``MultiDiGraph`` gives."""

    def __init__(self, parts: GraphParts, entities: list[dict]):
        self.parts, self.entities, self.graph = parts, entities, {}

    def is_directed(self) -> bool:
        return True

    def is_multigraph(self) -> bool:
        return True

    def counts(self) -> dict:
        """What :func:`kg.mirror.counts` gives for the graph, from the tallies kept while it was collected."""
        nodes = Counter(Paper=self.parts.papers, Author=len(self.parts.authors))
        nodes.update(entity["label"] for entity in self.entities)
        return {"nodes": dict(sorted((+nodes).items())), "edges": dict(sorted((+self.parts.edge_counts).items()))}

    def number_of_nodes(self) -> int:
        return sum(self.counts()["nodes"].values())

    def number_of_edges(self) -> int:
        return sum(self.counts()["edges"].values())

    def _walk(self, nodes: bool = True, edges: bool = True) -> Iterator[tuple[str, dict | None, list]]:
        """Every node in order, with its attributes (``nodes``, else None for a paper) and its
        relationships ``(target, key, attrs)`` (``edges``, else none)."""
        parts, start = self.parts, 0
        query = _WALK.format("p.node" if nodes else "NULL", "e.edges" if edges else "NULL")
        while rows := parts.db.execute(query, (start, ROWS_PER_BATCH)).fetchall():
            start += len(rows)
            for number, (node, authors, spooled) in enumerate(rows, start - len(rows)):
                paper_id = parts.paper_ids[number]
                yield paper_id, node and json.loads(node), self._paper_edges(paper_id, spooled) if edges else []
                yield from self._new_authors(number, json.loads(authors), edges)
        for entity in self.entities:
            yield entity["id"], entity, []

    def _paper_edges(self, paper_id: str, edges: str | None) -> list[tuple]:
        sentences, spooled = json.loads(edges) if edges else ([], [])
        found = []
        for target, attrs in spooled:
            attrs["sentence"] = sentences[attrs["sentence"]]
            found.append((target, attrs["type"], attrs))
        found += [(target, CITES, {"type": CITES, **Edge(paper_id, CITES, target, rule=rule).properties()})
                  for target, rule in self.parts.cites.get(paper_id, {}).items()]
        return found

    def _new_authors(self, number: int, names: list[str], edges: bool) -> Iterator[tuple[str, dict, list]]:
        """The authors of paper ``number`` that no earlier paper has, with all their AUTHORED relationships."""
        for position, name in enumerate(names):
            author_id = "author:" + slug(name)
            entry = self.parts.authors.get(author_id)
            if entry is None or entry[1][0] != number or entry[1][1] != position:
                continue
            papers, ids = entry[1], self.parts.paper_ids
            yield (author_id, {"label": "Author", "id": author_id, "name": entry[0]},
                   [(ids[papers[i]], AUTHORED, {"type": AUTHORED, "position": papers[i + 1]})
                    for i in range(0, len(papers), 2)] if edges else [])

    def __iter__(self) -> Iterator[str]:
        return (node for node, _, _ in self._walk(edges=False))

    def nodes(self, data: bool | str = False) -> Iterator:
        for node, attrs, _ in self._walk(edges=False):
            yield (node, attrs) if data is True else (node, attrs.get(data)) if data else node

    def edges(self, keys: bool = False, data: bool = False) -> Iterator[tuple]:
        for source, _, edges in self._walk(nodes=False):
            for target, key, attrs in edges:
                yield (source, target, *((key,) if keys else ()), *((attrs,) if data else ()))

    def to_networkx(self) -> nx.MultiDiGraph:
        """The graph in memory, the nodes first (a relationship would add its target out of order)."""
        G = nx.MultiDiGraph()
        G.add_nodes_from(self.nodes(data=True))
        G.add_edges_from(self.edges(keys=True, data=True))
        return G

    def close(self) -> None:
        self.parts.db.close()


def assemble(papers: Sequence[Paper], mentions: Sequence[Sequence[Mention]], entities: Iterable[Entity],
             citations: Iterable[tuple[str, str, str]], stubs: Iterable[Paper]) -> nx.MultiDiGraph:
    """Assemble papers, their mentions, entities and citations into one MultiDiGraph.

    ``mentions[i]`` are paper ``i``'s mentions with ``entity_id`` set by resolution (their
    ``evidence`` is spooled and set back); ``citations`` are ``(citing key, cited key, rule)`` triples.
    """
    with tempfile.TemporaryDirectory(prefix="kg-assemble-") as folder:
        parts = GraphParts(folder)
        for paper, paper_mentions in zip(papers, mentions):
            parts.add_paper(paper, paper_mentions)
        for stub in stubs:
            parts.add_paper(stub)
        parts.add_edges([list(paper_mentions) for paper_mentions in mentions])
        parts.add_citations(citations)
        stream = parts.graph(entities)
        try:
            return stream.to_networkx()
        finally:
            stream.close()

