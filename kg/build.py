"""``kg build`` and ``kg add``: read papers, merge duplicates, extract entities, write the graph.

The graph is never held whole (:mod:`kg.assembly`): papers and their text are spooled as they come
out of extraction, only the mentions' names stay for resolution, and the mirror is written from a
:class:`kg.assembly.GraphStream`. :func:`build_graph` (the API's ``kg.build``) makes a
``MultiDiGraph`` of that stream.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import shutil
import sys
import tempfile
import time
from collections import deque
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

import networkx as nx

from kg import __version__
from kg.assembly import GraphParts, GraphStream
from kg.errors import InputError, UsageError
from kg.output import gzip_text
from kg.model import KINDS, NODE_KINDS, Entity, Mention, Paper

if TYPE_CHECKING:
    from loaders.merge import Citations

# Every mention, node or not, with its entity's kind, one line per paper as `kg extract` writes them; gzip
# because at 1M papers the plain file is 1.9 GB of a directory that should stay under 5 GB (`zcat` reads it).
MENTIONS_FILE = "mentions.jsonl.gz"


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

    def summary(self, G: nx.MultiDiGraph | GraphStream) -> str:
        from kg.mirror import counts
        c = counts(G)
        entities = ", ".join(f"{n} {_plural(label.lower())}" for label, n in c["nodes"].items()
                             if label not in ("Paper", "Author"))
        return (f"Read {self.records} records from {len(self.inputs)} file(s)"
                f"{f' (skipped {self.bad_records} bad)' if self.bad_records else ''}, merged into "
                f"{self.papers} papers (+{self.stubs} cited-only stubs) with "
                f"{c['nodes'].get('Author', 0)} authors; found {self.mentions} mentions of "
                f"{entities or 'no entities'}; the graph has {sum(c['nodes'].values())} nodes and "
                f"{sum(c['edges'].values())} relationships ({self.seconds:.1f}s).")


def _plural(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


def graph_entities(entities: Sequence[Entity], mentions: Sequence[Sequence[Mention]],
                   keep_descriptions: bool = False) -> tuple[list[Entity], tuple[str, ...]]:
    """The entities that become nodes, and the kinds whose mentions become relationships, by the
    kinds :func:`kg.entity_decision.decide` gave them (descriptions only when ``keep_descriptions``)."""
    from kg.entity_decision import decide

    decide(entities, mentions)
    kinds = KINDS if keep_descriptions else NODE_KINDS
    return [entity for entity in entities if entity.kind in kinds], kinds


def collect_graph(paths: Sequence[str], folder: str, *, format: str | None = None, skip_bad: bool = False,
                  workers: int = 1, progress: bool = False, keep_descriptions: bool = False,
                  on_bad: Callable | None = None, cache: str | None = None,
                  contract: str | None = None) -> tuple[GraphStream, BuildReport]:
    """Run the whole pipeline, spooling into the folder ``folder`` (made once the inputs are read: a
    build that fails on them leaves nothing); return the graph as a stream and a report. ``contract``:
    the file the mentions are written to, gzip-compressed (every mention, node or not, with its entity's kind).
    With ``cache`` (a file path), papers extracted before are read from that
    :class:`kg.extraction.cache.ExtractionCache` instead of extracted again."""
    from kg.extraction import Extractor
    from kg.extraction.cache import ExtractionCache
    from kg.resolution import resolve
    from loaders.merge import Citations, RecordGroups
    from loaders.readers import read_records

    started = time.perf_counter()
    report = BuildReport(inputs=[str(p) for p in paths])

    def count_bad(error):
        report.bad_records += 1
        if on_bad:
            on_bad(error)

    # The input is read twice: for the records' keys (which records are one paper), then for the
    # papers, merged and extracted as they come; no step holds every record or abstract.
    groups = RecordGroups(read_records(paths, format=format, skip_bad=skip_bad, on_bad=count_bad))
    report.records, report.papers = groups.records, groups.papers
    papers = groups.merge(read_records(paths, format=format, skip_bad=skip_bad, quiet=True))
    Path(folder).mkdir(parents=True, exist_ok=True)
    parts, citations = GraphParts(folder), Citations()
    extraction = ExtractionCache(cache) if cache else None
    extract = partial((extraction or Extractor()).pipe, workers=workers)
    mentions = _extract_into(parts, citations, papers, extract, report.papers, progress)
    edges, stubs = citations.resolve()
    del citations  # every paper's keys: not needed past here
    report.stubs = len(stubs)
    for stub in stubs:
        parts.add_paper(stub)
    _release_freed_memory()
    report.extracted = extraction.extracted if extraction else report.papers
    report.mentions = sum(map(len, mentions))
    entities, kinds = graph_entities(resolve(mentions), mentions, keep_descriptions)
    with gzip_text(contract) if contract else nullcontext() as handle:
        parts.add_edges(mentions, kinds, handle)
    parts.add_citations(edges)
    report.seconds = time.perf_counter() - started
    return parts.graph(entities), report


def _extract_into(parts: GraphParts, citations: Citations, papers: Iterable[Paper],
                  extract: Callable[[Iterable[Paper]], Iterable[list[Mention]]], total: int,
                  progress: bool) -> list[list[Mention]]:
    """Spool each paper as its mentions come back and let it go (``citations`` keeps its keys and
    references); return every paper's mentions."""
    from tqdm import tqdm

    bar = tqdm(total=total, desc="extracting", unit="paper", disable=not progress, file=sys.stderr)
    fed: deque[Paper] = deque()  # papers in extraction, in order (a worker pool's thread takes them)

    def feed() -> Iterator[Paper]:
        for paper in papers:
            fed.append(paper)
            yield paper

    mentions = []
    for paper_mentions in extract(feed()):
        paper = fed.popleft()
        parts.add_paper(paper, paper_mentions)
        citations.add(paper)
        mentions.append(paper_mentions)
        bar.update()
    bar.close()
    return mentions


def _release_freed_memory() -> None:
    """Hand the pages of the freed records and abstracts back to the system (glibc only). They were
    allocated by ``malloc`` (strings over 512 bytes), but mentions and resolution's tables are small
    objects, which Python takes from arenas of its own: without this the freed abstracts stay resident
    through resolution, the peak of the build."""
    libc = ctypes.util.find_library("c")
    trim = getattr(ctypes.CDLL(libc), "malloc_trim", None) if libc else None
    if trim is not None:
        trim(0)


def build_graph(paths: Sequence[str], **options) -> tuple[nx.MultiDiGraph, BuildReport]:
    """:func:`collect_graph` (the same options but ``contract``) into a ``MultiDiGraph``, with the report."""
    with tempfile.TemporaryDirectory(prefix="kg-build-") as folder:
        stream, report = collect_graph(paths, folder, **options)
        try:
            return stream.to_networkx(), report
        finally:
            stream.close()


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
    cache = Path(out, CACHE_DIR)
    folder = cache / f"build-{os.getpid()}"  # the spool: beside the output, on its file system
    contract = folder / MENTIONS_FILE
    try:
        G, report = collect_graph(inputs, str(folder), workers=workers, progress=progress, on_bad=report_bad,
                                  cache=str(cache / CACHE_FILE), contract=str(contract), **options)
        manifest = {"kg_version": __version__, "inputs": report.inputs,
                    "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                    "records": report.records, "skipped_records": report.bad_records,
                    "input_paths": [os.path.abspath(path) for path in inputs], "options": options}
        mirror.write(G, out, manifest=manifest, graphml=graphml,
                     extra_files={MENTIONS_FILE: contract})
        G.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if not quiet:
        print(report.summary(G))
        wrote = f"{out}/{mirror.GRAPH_FILE}" + (" and graph.graphml" if (Path(out) / mirror.GRAPHML_FILE).exists() else "")
        extracted = f"Extracted {report.extracted} of {report.papers} papers (the others from the extraction cache). "
        print(f"{extracted if verb == 'add' else ''}Wrote {wrote}; `kg info {out}` counts it.")
    if neo4j:
        _load(out, before, progress, quiet)
    return report


def _load(out: str, before: nx.MultiDiGraph | None, progress: bool, quiet: bool) -> None:
    """Load the graph just written to ``out`` into Neo4j: whole (its text read from the store batch by
    batch), or only what changed since ``before``."""
    from kg import mirror
    from kg.db import connect
    from loaders.neo4j_writer import load_changes, load_graph
    with connect() as driver:
        loaded = load_graph(mirror.read(out, text=False), driver, progress=progress) if before is None else \
            load_changes(before, mirror.read(out), driver, progress=progress)
    if not quiet:
        print(f"Loaded into Neo4j: {loaded}")


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
