"""``kg build`` and ``kg add``: read papers, merge duplicates, extract entities, assemble and write the graph.

>>> from kg.model import Paper, Mention, Entity
>>> p = Paper(title="CLIP for X", arxiv_id="2401.00001", authors=["Ada Lovelace"])
>>> m = Mention("method", "CLIP", "CLIP", "uses", "title", 0, 4, entity_id="method:clip")
>>> G = assemble([p], [[m]], [Entity("method", "CLIP")], citations=[], stubs=[])
>>> sorted(G.edges(keys=True))
[('author:ada-lovelace', 'paper:2401.00001', 'AUTHORED'), ('paper:2401.00001', 'method:clip', 'USES')]
"""
from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

import networkx as nx

from kg import __version__
from kg.errors import InputError, UsageError
from kg.model import AUTHORED, CITES, KINDS, NODE_KINDS, ROLE_EDGE_TYPES, Edge, Entity, Mention, Paper, slug
from kg.output import write_mentions

# When a paper both proposes and uses an entity, the stronger role names the edge.
ROLE_PRECEDENCE = {"uses": "proposes", "evaluates_on": "introduces"}

_SCALAR_PAPER_FIELDS = ("key", "title", "abstract", "arxiv_id", "doi", "date", "published", "year",
                        "upvotes", "authors_count", "venue", "url", "code_url")


@dataclass
class BuildReport:
    """What a build read and made, for the summary line and the manifest."""

    inputs: list[str] = field(default_factory=list)
    records: int = 0
    bad_records: int = 0
    papers: int = 0
    stubs: int = 0
    mentions: int = 0
    extracted: int = 0  # papers the extractor ran on (the others came from the extraction cache)
    seconds: float = 0.0

    def summary(self, G: nx.MultiDiGraph) -> str:
        from kg.mirror import counts
        c = counts(G)
        entities = ", ".join(f"{n} {_plural(label.lower())}" for label, n in c["nodes"].items()
                             if label not in ("Paper", "Author"))
        return (f"Read {self.records} records from {len(self.inputs)} file(s)"
                f"{f' (skipped {self.bad_records} bad)' if self.bad_records else ''}, merged into "
                f"{self.papers} papers (+{self.stubs} cited-only stubs) with "
                f"{c['nodes'].get('Author', 0)} authors; found {self.mentions} mentions of "
                f"{entities or 'no entities'}; the graph has {G.number_of_nodes()} nodes and "
                f"{G.number_of_edges()} relationships ({self.seconds:.1f}s).")


def _plural(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


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


def _add_paper(G: nx.MultiDiGraph, paper: Paper) -> None:
    paper_id = paper.node_id  # Paper.key rebuilds the paper's reference on every call
    G.add_node(paper_id, label="Paper", id=paper_id, **paper_properties(paper))
    for position, name in enumerate(paper.authors):
        name_slug = slug(name)
        if not name_slug:
            continue
        author_id = "author:" + name_slug
        G.add_node(author_id, label="Author", id=author_id, name=name)
        if not G.has_edge(author_id, paper_id, AUTHORED):
            G.add_edge(author_id, paper_id, key=AUTHORED, type=AUTHORED, position=position)


def mention_edges(paper: Paper, mentions: Sequence[Mention]) -> list[Edge]:
    """One edge per (entity, relationship type): first mention as evidence, all counted."""
    strongest = {}
    for m in mentions:
        role = strongest.get(m.entity_id)
        if role is None or ROLE_PRECEDENCE.get(role) == m.role:
            strongest[m.entity_id] = m.role
    edges: dict[str, Edge] = {}
    paper_id = paper.node_id
    for m in sorted(mentions, key=lambda m: (m.field != "title", m.start)):
        if m.entity_id in edges:
            edges[m.entity_id].mentions += 1
            continue
        edges[m.entity_id] = Edge(paper_id, ROLE_EDGE_TYPES[strongest[m.entity_id]], m.entity_id,
                                  field=m.field, start=m.start, end=m.end, sentence_index=m.sentence,
                                  sentence=m.evidence, rule=m.source)
    return list(edges.values())


def _add_edge(G: nx.MultiDiGraph, edge: Edge) -> None:
    G.add_edge(edge.source, edge.target, key=edge.type, type=edge.type, **edge.properties())


def assemble(papers: Sequence[Paper], mentions: Sequence[Sequence[Mention]], entities: Iterable[Entity],
             citations: Iterable[tuple[str, str, str]], stubs: Iterable[Paper]) -> nx.MultiDiGraph:
    """Assemble papers, their mentions, entities and citations into one MultiDiGraph.

    ``mentions[i]`` are paper ``i``'s mentions with ``entity_id`` set by resolution;
    ``citations`` are ``(citing key, cited key, rule)`` triples.
    """
    G = nx.MultiDiGraph()
    for paper in [*papers, *stubs]:
        _add_paper(G, paper)
    for entity in entities:
        props = {"name": entity.name, "aliases": sorted(entity.aliases), "type": entity.type, "kind": entity.kind,
                 "confidence": entity.confidence, "host": entity.host}
        G.add_node(entity.node_id, label=entity.label, id=entity.node_id,
                   **{k: v for k, v in props.items() if v not in (None, [])})
    for paper, paper_mentions in zip(papers, mentions):
        for edge in mention_edges(paper, paper_mentions):
            _add_edge(G, edge)
    for citing, cited, rule in citations:
        source, target = "paper:" + citing, "paper:" + cited
        if source != target and not G.has_edge(source, target, CITES):
            _add_edge(G, Edge(source, CITES, target, rule=rule))
    return G


def graph_entities(entities: Sequence[Entity], mentions: Sequence[Sequence[Mention]],
                   keep_descriptions: bool = False) -> tuple[list[Entity], list[list[Mention]]]:
    """The entities that become nodes and each paper's mentions of them, by the kinds
    :func:`kg.entity_decision.decide` gave them (descriptions only when ``keep_descriptions``)."""
    from kg.entity_decision import decide

    decide(entities, mentions)
    kinds = KINDS if keep_descriptions else NODE_KINDS
    nodes = [entity for entity in entities if entity.kind in kinds]
    return nodes, [[m for m in paper_mentions if m.kind in kinds] for paper_mentions in mentions]


def build_graph(paths: Sequence[str], *, format: str | None = None, skip_bad: bool = False,
                workers: int = 1, progress: bool = False, keep_descriptions: bool = False,
                on_bad: Callable | None = None, cache: str | None = None,
                ) -> tuple[nx.MultiDiGraph, list[Paper], list[list[Mention]], BuildReport]:
    """Run the whole pipeline; return the graph, the merged papers, all their mentions (nodes or
    not, each with its entity's kind) and a report. With ``cache`` (a file path), papers extracted
    before are read from that :class:`kg.extraction.cache.ExtractionCache` instead of extracted again."""
    from tqdm import tqdm

    from kg.extraction import Extractor
    from kg.extraction.cache import ExtractionCache
    from kg.resolution import resolve
    from loaders.merge import merge_papers, resolve_citations
    from loaders.readers import read_records

    started = time.perf_counter()
    report = BuildReport(inputs=[str(p) for p in paths])

    def count_bad(error):
        report.bad_records += 1
        if on_bad:
            on_bad(error)

    records = list(read_records(paths, format=format, skip_bad=skip_bad, on_bad=count_bad))
    report.records = len(records)
    papers = merge_papers(records)
    del records  # the raw records are not kept alongside the papers for the rest of the build
    report.papers = len(papers)
    bar = tqdm(total=len(papers), desc="extracting", unit="paper", disable=not progress, file=sys.stderr)
    mentions = []
    extraction = ExtractionCache(cache) if cache else None
    for paper_mentions in (extraction or Extractor()).pipe(papers, workers=workers):
        mentions.append(paper_mentions)
        bar.update()
    bar.close()
    report.extracted = extraction.extracted if extraction else len(papers)
    report.mentions = sum(map(len, mentions))
    entities, node_mentions = graph_entities(resolve(mentions), mentions, keep_descriptions)
    citations, stubs = resolve_citations(papers)
    report.stubs = len(stubs)
    G = assemble(papers, node_mentions, entities, citations, stubs)
    report.seconds = time.perf_counter() - started
    return G, papers, mentions, report


def build_into(out: str, inputs: list[str], options: dict, *, workers: int, neo4j: bool = False,
               quiet: bool = False, verb: str = "build", graphml: bool | None = None):
    """Build ``inputs`` into the graph directory ``out`` (and Neo4j): what `kg build` and `kg add` run.

    ``options`` are the build options (``format``, ``skip_bad``, ``keep_descriptions``); the manifest
    keeps them and the inputs' absolute paths, which is what `kg add` builds again from. Papers
    extracted before come from ``out``'s extraction cache. ``graphml``: write graph.graphml (None: up
    to :data:`kg.mirror.GRAPHML_MAX_ITEMS`). Returns the build report.
    """
    from kg import mirror
    from kg.extraction.cache import CACHE_DIR, CACHE_FILE

    def report_bad(error):
        print(f"kg: skipped {error}", file=sys.stderr)

    progress = not quiet and sys.stderr.isatty()
    before = mirror.read(out) if neo4j and verb == "add" else None  # what the database was loaded with
    G, papers, mentions, report = build_graph(inputs, workers=workers, progress=progress, on_bad=report_bad,
                                              cache=os.path.join(out, CACHE_DIR, CACHE_FILE), **options)
    manifest = {"kg_version": __version__, "inputs": report.inputs,
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "records": report.records, "skipped_records": report.bad_records,
                "input_paths": [os.path.abspath(path) for path in inputs], "options": options}
    mirror.write(G, out, manifest=manifest, graphml=graphml,
                 extra_files={"mentions.jsonl": lambda handle: write_mentions(handle, papers, mentions)})
    if not quiet:
        print(report.summary(G))
        wrote = f"{out}/graph.json" + (" and graph.graphml" if (Path(out) / mirror.GRAPHML_FILE).exists() else "")
        extracted = f"Extracted {report.extracted} of {report.papers} papers (the others from the extraction cache). "
        print(f"{extracted if verb == 'add' else ''}Wrote {wrote}; `kg info {out}` counts it.")
    if neo4j:
        from kg.db import connect
        from loaders.neo4j_writer import load_changes, load_graph
        with connect() as driver:
            loaded = load_graph(G, driver, progress=progress) if before is None else \
                load_changes(before, G, driver, progress=progress)
        if not quiet:
            print(f"Loaded into Neo4j: {loaded}")
    return report


def inputs_after_adding(directory: str, new: list[str]) -> tuple[list[str], dict]:
    """The graph's earlier inputs followed by the new ones it lacks (absolute paths), and its build options."""
    manifest_path = Path(directory) / "manifest.json"
    if not manifest_path.is_file():
        raise UsageError(f"{directory}: not a kg graph directory (no manifest.json); run `kg build` first")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if "input_paths" not in manifest:
        raise UsageError(f"{directory}: built by a kg without `kg add` support; build it again with `kg build`")
    if manifest.get("enrichments"):  # its CITES from Semantic Scholar or OpenAlex come from no input
        raise UsageError(f"{directory}: enriched by `kg enrich`, whose citations a rebuild from the inputs would "
                         "drop; `kg build` all inputs, then `kg enrich` again")
    earlier = manifest["input_paths"]
    for path in earlier:
        if not os.path.isfile(path):
            raise InputError(path, None, f"an input of {directory} is gone; `kg add` builds from every earlier input")
    added = [path for path in map(os.path.abspath, new) if path not in earlier]
    return [*earlier, *dict.fromkeys(added)], manifest.get("options", {})
