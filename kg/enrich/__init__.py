"""``kg enrich``: citations from Semantic Scholar or OpenAlex for the papers of a graph.

For every paper read from input (not the stubs), the source looks the paper up (by id, else
by title), and its references become CITES edges: to the paper's node when the graph has the
cited paper, to a new stub otherwise; with ``citations=True`` the papers citing it too. What
the APIs answer is cached on disk (:mod:`kg.enrich.cache`), so an interrupted run resumes and
a second run asks nothing it already has. docs/enrich.md says what is sent where.

>>> from kg.enrich import EnrichReport
>>> EnrichReport("Semantic Scholar", looked_up=3, matched=2, not_found=1, references=5).summary()
'Semantic Scholar: looked up 3 papers, matched 2, not found 1; added 5 references and 0 citations (CITES), 0 of them to papers already in the graph, and 0 stub papers; 0 requests, 0 answers from the cache.'
"""
from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

import networkx as nx

from kg.enrich.cache import AnswerCache
from kg.enrich.client import GaveUp, RetryPolicy
from kg.enrich.graph import (PaperIndex, add_citation, add_missing_ids, node_for_or_stub,
                             papers_to_look_up)

SOURCES = ("s2", "openalex")
CACHE_DIR = ".enrich-cache"  # inside the graph directory unless --cache says otherwise
DEFAULT_INTERVAL = {"s2": 1.0, "openalex": 0.1}  # S2 grants keys 1 request/s; OpenAlex allows 10/s


@dataclass
class EnrichReport:
    """What one run looked up and added, for the summary line and the manifest."""

    source: str
    looked_up: int = 0
    matched: int = 0
    not_found: int = 0
    failed: int = 0  # of the not found: requests that failed every try (a rerun asks again)
    references: int = 0  # CITES edges added from the papers' references
    citations: int = 0  # CITES edges added from the papers citing them
    to_graph_papers: int = 0  # of those, edges between two papers read from input
    stubs: int = 0
    requests: int = 0
    cached: int = 0
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        failed = f" ({self.failed} after failed requests; run again to retry them)" if self.failed else ""
        return (f"{self.source}: looked up {self.looked_up} papers, matched {self.matched}, not found "
                f"{self.not_found}{failed}; added {self.references} references and {self.citations} citations "
                f"(CITES), {self.to_graph_papers} of them to papers already in the graph, and {self.stubs} "
                f"stub papers; {self.requests} requests, {self.cached} answers from the cache.")


def open_source(name: str, cache: AnswerCache, policy: RetryPolicy = RetryPolicy(),
                interval: float | None = None):
    """The source ``name`` (``s2`` or ``openalex``), configured from the environment."""
    interval = DEFAULT_INTERVAL[name] if interval is None else interval
    if name == "s2":
        from kg.enrich.s2 import SemanticScholar
        return SemanticScholar.from_environment(cache, policy, interval)
    if name == "openalex":
        from kg.enrich.openalex import OpenAlex
        return OpenAlex.from_environment(cache, policy, interval)
    from kg.errors import UsageError
    raise UsageError(f"unknown enrich source {name!r} (choose from {', '.join(SOURCES)})")


def enrich(G: nx.MultiDiGraph, source: str = "s2", *, cache_dir: str | Path, citations: bool = False,
           interval: float | None = None, progress: bool = False, on_failure: Callable[[str], None] | None = None,
           **policy) -> EnrichReport:
    """Ask ``source`` (``s2`` or ``openalex``) about ``G``'s papers, caching in ``cache_dir``, and add the
    CITES edges to ``G`` in place. ``policy`` takes :class:`RetryPolicy`'s fields (tries, backoff, timeout)."""
    with AnswerCache(cache_dir, source) as cache:
        return enrich_graph(G, open_source(source, cache, RetryPolicy(**policy), interval), citations=citations,
                            progress=progress, on_failure=on_failure)


def enrich_graph(G: nx.MultiDiGraph, source, *, citations: bool = False, progress: bool = False,
                 on_failure: Callable[[str], None] | None = None) -> EnrichReport:
    """Add ``source``'s citation edges (and the stubs they need) to ``G`` in place."""
    from tqdm import tqdm
    report = EnrichReport(source.name)
    papers = papers_to_look_up(G)
    index = PaperIndex(G)
    source.prefetch(attrs for _, attrs in papers)
    for node, attrs in tqdm(papers, desc="enriching", unit="paper", disable=not progress, file=sys.stderr):
        report.looked_up += 1
        try:
            _enrich_paper(G, index, source, node, attrs, citations, report)
        except GaveUp as failure:
            report.not_found += 1
            report.failed += 1
            report.failures.append(f"{attrs.get('title') or node}: {failure.reason}")
            if on_failure:
                on_failure(report.failures[-1])
    report.requests, report.cached = source.api.requests, source.cache.hits
    return report


def _enrich_paper(G, index, source, node: str, attrs: dict, citations: bool, report: EnrichReport) -> None:
    found = source.find(attrs)
    paper = found and source.to_paper(found)
    if not paper:
        report.not_found += 1
        return
    # Every answer this paper needs arrives before the graph changes: a paper that fails halfway adds nothing.
    cited = source.references(found)
    citing = source.citations(found) if citations else []
    report.matched += 1
    add_missing_ids(G, index, node, paper)
    for raw in cited:
        report.references += _link(G, index, source, raw, report, lambda other: (node, other))
    for raw in citing:
        report.citations += _link(G, index, source, raw, report, lambda other: (other, node))


def _link(G, index, source, raw: dict, report: EnrichReport, direction) -> int:
    """One CITES edge between a looked-up node and the paper ``raw`` (stub if new); 1 if it was added."""
    other = source.to_paper(raw)
    if other is None:
        return 0
    other_node, new = node_for_or_stub(G, index, other, source.rule)
    report.stubs += new
    citing, cited = direction(other_node)
    if not add_citation(G, citing, cited, source.rule):
        return 0
    report.to_graph_papers += not G.nodes[other_node].get("stub")
    return 1


def write_enriched(G: nx.MultiDiGraph, directory: str | Path, report: EnrichReport) -> None:
    """Write ``G`` as the directory's next mirror generation (``kg.mirror.write``), keeping the files the
    last build wrote beside the graph (mentions.jsonl.gz) and its manifest, with this run appended."""
    from kg import __version__, mirror
    directory = Path(directory)
    manifest = _read_manifest(directory)
    manifest.pop("counts", None)  # mirror.write counts the new graph
    run = {k: v for k, v in asdict(report).items() if k != "failures"}
    manifest["enrichments"] = [*manifest.get("enrichments", []), {
        **run, "kg_version": __version__, "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}]
    mirror.write(G, directory, manifest=manifest, extra_files=_carried_files(directory))


def _read_manifest(directory: Path) -> dict:
    try:
        return json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _carried_files(directory: Path) -> dict:
    """The current generation's files other than graph and manifest, each copied into the next one."""
    from kg.mirror import (CURRENT_LINK, GENERATIONS_DIR, GRAPH_FILE, GRAPHML_FILE, LEGACY_GRAPH_FILE, MANIFEST_FILE,
                           STORE_FILE)
    current = directory / GENERATIONS_DIR / CURRENT_LINK
    names = sorted(p.name for p in current.iterdir() if p.is_file()) if current.is_dir() else []
    written = (GRAPH_FILE, LEGACY_GRAPH_FILE, GRAPHML_FILE, MANIFEST_FILE, STORE_FILE)  # mirror.write writes these
    names = [n for n in names if n not in written and not n.startswith(".")]

    return {name: current / name for name in names}
