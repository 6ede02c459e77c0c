"""The Python graph API: one object over the NetworkX mirror or Neo4j.

Methods are named for the questions users ask; each runs one named query
(``queries/NAME.cypher`` on Neo4j, its twin from :mod:`kg.twins` on the mirror)
and returns plain rows (a list of dicts). Entity parameters take a name, an
alias or an id, in any case; paper parameters an id, a key (arXiv id) or a title.

>>> g.top_methods(n=2)                                   # g: kg.open(DIR) or kg.open("bolt://...")
[{'id': 'method:clip', 'name': 'CLIP', 'kind': 'name', 'papers': 4}, {'id': 'method:lora', 'name': 'LoRA', 'kind': 'name', 'papers': 4}]
>>> [row["paper"] for row in g.proposer_of("low-rank adaptation")]
['paper:2402.00002']
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Sequence

import networkx as nx

import queries
from kg import mirror, sqltwins, textstore
from kg.backends import Backend, Neo4jBackend, NetworkXBackend

NEO4J_SCHEMES = ("neo4j://", "neo4j+s://", "neo4j+ssc://", "bolt://", "bolt+s://", "bolt+ssc://")


class KnowledgeGraph:
    """A knowledge graph of papers and the entities they name, over either backend."""

    def __init__(self, source: nx.MultiDiGraph | Backend, directory: str | os.PathLike | None = None):
        self._backend = NetworkXBackend(source) if isinstance(source, nx.MultiDiGraph) else source
        self.directory = directory  # the graph directory it was opened from, if any

    @property
    def backend(self) -> Backend:
        return self._backend

    def to_networkx(self, text: bool = True) -> nx.MultiDiGraph:
        """The graph as a ``networkx.MultiDiGraph`` (node attr ``label``, edge key = type).

        A graph opened from a directory holds its structure only, its text staying in the directory's
        store (``text.sqlite``). ``text=True`` (default) gives the whole graph: the abstracts and evidence
        sentences are read into the held graph the first time (it then holds them too).
        ``text=False`` gives the held graph as it is, without reading the text (structure only unless
        an earlier call read it): a fraction of the memory, and :mod:`kg.textstore` reads an item's
        text by key. Either way it is the same object the queries run on, not a copy.

        >>> "abstract" in g.to_networkx(text=False).nodes["paper:2401.00001"]   # g = kg.open(DIR)  # doctest: +SKIP
        False
        """
        G = self._backend.to_networkx()  # handed out: queries answer from G from now on, not from the store
        return textstore.load_into(G) if text else G

    def counts(self) -> dict:
        """``{"nodes": {Label: n}, "edges": {TYPE: n}}``, as ``kg info --json`` prints.

        >>> g.counts()["nodes"]["Method"]
        3
        """
        return self._backend.counts()

    def save(self, directory: str | os.PathLike) -> None:
        """Write the mirror files into ``directory`` (what ``kg build --out`` writes)."""
        mirror.write(self.to_networkx(text=False), directory)  # the writer carries the store's text over

    def query(self, name: str, **params) -> list[dict]:
        """Run the named query ``name`` (see ``kg query --list``) with its parameters.

        >>> g.query("search_entities", text="imagenet", n=1)
        [{'id': 'dataset:imagenet', 'name': 'ImageNet', 'type': 'dataset', 'exact': True, 'papers': 3}]
        """
        return self._backend.run(name, queries.bind(name, params))

    # --- rankings -----------------------------------------------------------------------
    # ``kind`` is "names" (proper names and established concepts), "all", or one kind:
    # name, concept, generic (accuracy, language models) or description (docs/extraction.md).
    def top_methods(self, n: int = 10, kind: str = "names") -> list[dict]:
        """Methods by the number of papers that use or propose them."""
        return self.query("top_entities", type="method", n=n, kind=kind)

    def top_datasets(self, n: int = 10, kind: str = "names") -> list[dict]:
        """Datasets by the number of papers that evaluate on or introduce them.

        >>> g.top_datasets(n=1)
        [{'id': 'dataset:imagenet', 'name': 'ImageNet', 'kind': 'name', 'papers': 3}]
        """
        return self.query("top_entities", type="dataset", n=n, kind=kind)

    def top_tasks(self, n: int = 10, kind: str = "names") -> list[dict]:
        """Tasks by the number of papers that address them."""
        return self.query("top_entities", type="task", n=n, kind=kind)

    def top_metrics(self, n: int = 10, kind: str = "names") -> list[dict]:
        """Metrics by the number of papers that report them (``kind="all"`` to see accuracy too).

        >>> [row["name"] for row in g.top_metrics(kind="all")]
        ['accuracy']
        """
        return self.query("top_entities", type="metric", n=n, kind=kind)

    def method_dataset_pairs(self, n: int = 10) -> list[dict]:
        """Method x dataset pairs named together by the most papers."""
        return self.query("method_dataset_pairs", n=n)

    def rising_methods(self, year: int, n: int = 10) -> list[dict]:
        """Methods by growth in paper count from ``year - 1`` to ``year``.

        >>> g.rising_methods(2025, n=1)[0]["name"]
        'LoRA'
        """
        return self.query("rising_methods", year=year, n=n)

    def papers_with_code(self, n: int = 25) -> list[dict]:
        """Papers and the code repositories they link to."""
        return self.query("papers_with_code", n=n)

    def methods_without_code(self, n: int = 25) -> list[dict]:
        """Methods proposed in the corpus whose proposing papers link no code.

        >>> [row["name"] for row in g.methods_without_code()]
        ['SoftPrompt']
        """
        return self.query("methods_without_code", n=n)

    # --- one entity ---------------------------------------------------------------------
    def search(self, text: str, n: int = 20) -> list[dict]:
        """Entities whose name or an alias contains ``text`` (any case), exact matches first."""
        return self.query("search_entities", text=text, n=n)

    def papers_using(self, method: str, n: int = 25, after: str = "") -> list[dict]:
        """Papers that use (or propose) ``method``: a page of the first ``n`` papers by id after ``after``
        (the last paper of the previous page), each paper's rows together.

        >>> [row["relation"] for row in g.papers_using("CLIP")]
        ['PROPOSES', 'USES', 'USES', 'USES']
        >>> [row["paper"] for row in g.papers_using("CLIP", n=2, after="paper:2401.00001")]
        ['paper:2402.00002', 'paper:2501.00003']
        """
        return self.query("papers_using_method", method=method, n=n, after=after)

    def datasets_for_method(self, method: str, n: int = 25) -> list[dict]:
        """The ``n`` datasets a method is evaluated on in most papers."""
        return self.query("datasets_for_method", method=method, n=n)

    def methods_on_dataset(self, dataset: str, n: int = 25) -> list[dict]:
        """The ``n`` methods evaluated on a dataset in most papers."""
        return self.query("methods_on_dataset", dataset=dataset, n=n)

    def methods_for_task(self, task: str, n: int = 25) -> list[dict]:
        """The ``n`` methods applied to a task in most papers."""
        return self.query("methods_for_task", task=task, n=n)

    def proposer_of(self, entity: str) -> list[dict]:
        """The papers (with authors and date) that propose a method or introduce a dataset."""
        return self.query("proposer_of", entity=entity)

    def shortest_path(self, source: str, target: str, n: int = 5) -> list[dict]:
        """Shortest paths (any direction, up to 6 hops) between two entities.

        >>> g.shortest_path("CLIP", "GLUE")[0]["names"]
        ['CLIP', 'LoRA: Low-Rank Adaptation of Large Models', 'GLUE']
        """
        return self.query("shortest_path", source=source, target=target, n=n)

    # --- one paper ----------------------------------------------------------------------
    def paper_entities(self, paper: str) -> list[dict]:
        """Everything a paper names, with the relationship."""
        return self.query("paper_entities", paper=paper)

    def papers_building_on(self, paper: str) -> list[dict]:
        """Papers that cite ``paper`` or use what it proposed."""
        return self.query("papers_building_on", paper=paper)

    def citations(self, paper: str) -> list[dict]:
        """Papers ``paper`` cites (``out``) and papers citing it (``in``)."""
        return self.query("citations", paper=paper)

    def related_papers(self, paper: str, n: int = 10, max_papers: int = 1000) -> list[dict]:
        """Papers sharing the most methods, datasets, tasks and metrics with ``paper``; entities named by
        more than ``max_papers`` papers do not count (they say little, and bound the work of a call).

        >>> g.related_papers("2401.00001", n=1)[0]["shared"]
        ['CLIP', 'ImageNet', 'accuracy']
        >>> g.related_papers("2401.00001", n=1, max_papers=3)[0]["shared"]
        ['ImageNet', 'accuracy']
        """
        return self.query("related_papers", paper=paper, n=n, max_papers=max_papers)

    def evidence(self, paper: str, entity: str) -> list[dict]:
        """The sentence and offsets behind each relationship from ``paper`` to ``entity``.

        >>> row, = g.evidence("2501.00003", "clip")
        >>> row["relation"], row["start"], row["end"]
        ('USES', 13, 52)
        """
        return self.query("evidence", paper=paper, entity=entity)

    def author_papers(self, author: str) -> list[dict]:
        """An author's papers with the methods each proposes."""
        return self.query("author_papers", author=author)

    # --- enrichment ---------------------------------------------------------------------
    def enrich(self, source: str = "s2", *, citations: bool = False, cache: str | os.PathLike | None = None,
               save: bool = True, **options):
        """Add CITES edges from Semantic Scholar (``"s2"``) or OpenAlex (``"openalex"``), as ``kg enrich``.

        ``options``: ``tries``, ``backoff``, ``timeout``, ``interval``, ``progress``. A graph opened from a
        directory caches the answers there (``DIR/.enrich-cache``) and, with ``save``, is written back as its
        next mirror generation. Returns the :class:`kg.enrich.EnrichReport`.

        >>> kg.open("out/sample").enrich(citations=True).matched   # doctest: +SKIP
        """
        from kg.enrich import CACHE_DIR, enrich, write_enriched
        from kg.errors import UsageError
        if not isinstance(self._backend, NetworkXBackend):
            raise UsageError("enrich works on a graph directory or NetworkX graph; `kg load` it afterwards")
        if cache is None and self.directory is None:
            raise UsageError("enrich needs cache=DIR for a graph not opened from a directory")
        G = self.to_networkx(text=False)  # enrich adds citations; the next generation's store keeps the text
        report = enrich(G, source, cache_dir=cache or Path(self.directory) / CACHE_DIR, citations=citations,
                        **options)
        if save and self.directory is not None:
            write_enriched(G, self.directory, report)
        return report

    def add(self, paths: Sequence[str | os.PathLike], workers: int = 1, quiet: bool = True):
        """Add paper files to the graph directory this graph was opened from, as ``kg add --graph DIR``:
        the result is the graph of the earlier and the new inputs together, only new papers are
        extracted, and this object then answers from the new graph. Returns the build report.

        >>> kg.open("out/sample").add(["today.jsonl"]).extracted   # doctest: +SKIP
        """
        from kg.build import build_into, inputs_after_adding
        from kg.errors import UsageError
        if self.directory is None:
            raise UsageError("add works on a graph opened from a directory (kg.open(DIR))")
        inputs, options = inputs_after_adding(str(self.directory), [str(p) for p in paths])
        report = build_into(str(self.directory), inputs, options, workers=workers, quiet=quiet, verb="add")
        self._backend = open_graph(self.directory)._backend
        return report

    # --- analytics (computed on the mirror) ---------------------------------------------
    def analytics(self) -> list[dict]:
        """PageRank and community of every method and dataset (see :mod:`kg.analytics`)."""
        from kg.analytics import analytics_rows
        return analytics_rows(self.to_networkx(text=False))

    def write_analytics_to_neo4j(self, driver, database: str | None = None) -> int:
        """Set ``pagerank`` and ``community`` on the Method and Dataset nodes in Neo4j; returns rows sent."""
        rows = [{"id": row["id"], "pagerank": row["pagerank"], "community": row["community"]}
                for row in self.analytics()]
        Neo4jBackend(driver, database).write(queries.load("internal/write_analytics"), {"rows": rows})
        return len(rows)


def build(paths: Sequence[str], **options) -> KnowledgeGraph:
    """Read, merge and extract ``paths`` into a :class:`KnowledgeGraph`.

    Options are those of :func:`kg.build.collect_graph` (``format``, ``skip_bad``, ``workers``,
    ``keep_descriptions``).

    >>> g = build(["data/sample/000_979724de29632ea4.txt"])   # doctest: +SKIP
    >>> g.counts()["nodes"]["Paper"]                           # doctest: +SKIP
    52
    """
    from kg.build import build_graph
    G, _ = build_graph(list(map(str, paths)), **options)
    return KnowledgeGraph(G)


def open_graph(target: str | os.PathLike, *, database: str | None = None) -> KnowledgeGraph:
    """Open a graph directory written by ``kg build``, or a Neo4j database by URI.

    >>> open_graph("out/sample").top_methods(n=3)         # doctest: +SKIP
    >>> open_graph("bolt://localhost:7687").counts()      # doctest: +SKIP
    """
    if str(target).startswith(NEO4J_SCHEMES):
        from kg.db import connect
        return KnowledgeGraph(Neo4jBackend(connect(str(target), database=database), database))
    G = mirror.read(target, text=False)
    store = Path(target) / mirror.STORE_FILE
    return KnowledgeGraph(NetworkXBackend(G, store if sqltwins.has_tables(store) else None), directory=target)
