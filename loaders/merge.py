"""Merge records of the same paper, and turn references into citation edges.

Two records are the same paper when they share any key: arXiv id, ``doi:...``,
any external id (``s2:...``, ``openalex:...``, ``corpus:...`` ...) or title key.
A title match never joins records whose arXiv ids differ (two papers may share
a title; one paper has one arXiv id).

>>> from kg.model import Paper
>>> a = Paper("Attention Is All You Need", arxiv_id="1706.03762", sources=["arxiv"])
>>> b = Paper("Attention is all you need", doi="10.48550/arXiv.1706.03762",
...           abstract="The dominant sequence transduction models...", sources=["openalex"])
>>> [(p.key, p.doi, p.sources) for p in merge_papers([a, b])]
[('1706.03762', '10.48550/arxiv.1706.03762', ['arxiv', 'openalex'])]
"""
from __future__ import annotations

from typing import Iterable

from kg.model import Paper, PaperRef

# Scalar fields filled from the first record (in input order) that has a value.
FIRST_VALUE_FIELDS = ("title", "arxiv_id", "doi", "date", "published", "year", "upvotes", "venue",
                      "url", "code_url", "origin", "record_id")
LIST_FIELDS = ("sources", "categories")
# Input formats that list references; a CITES edge's rule names the ones its paper came from.
CITATION_FORMATS = ("s2", "s2orc", "openalex")


class _Groups:
    """Union-find over record indices; the root is always the group's first record."""

    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        i, j = self.find(i), self.find(j)
        if i != j:
            self.parent[max(i, j)] = min(i, j)


def group_records(papers: list[Paper]) -> list[list[Paper]]:
    """Records of the same paper together, groups and members in input order."""
    groups = _Groups(len(papers))
    _link(papers, groups, strong=True)
    _link(papers, groups, strong=False)
    members: dict[int, list[Paper]] = {}
    for i, paper in enumerate(papers):
        members.setdefault(groups.find(i), []).append(paper)
    return list(members.values())


def _link(papers: list[Paper], groups: _Groups, strong: bool) -> None:
    """Join records on shared ids (``strong``) or on title keys, never across arXiv ids."""
    arxiv_ids = {i: {p.arxiv_id} - {None} for i, p in enumerate(papers)}
    first_with_key: dict[str, int] = {}
    for i, paper in enumerate(papers):
        for key in paper.ref().keys():
            if key.startswith("title:") == strong:
                continue
            j = first_with_key.setdefault(key, i)
            a, b = groups.find(i), groups.find(j)
            if a == b or (not strong and arxiv_ids[a] and arxiv_ids[b] and arxiv_ids[a] != arxiv_ids[b]):
                continue
            groups.union(a, b)
            arxiv_ids[min(a, b)] = arxiv_ids[a] | arxiv_ids[b]


def merge_papers(papers: Iterable[Paper]) -> list[Paper]:
    """One paper per group of records sharing a key, in order of first appearance."""
    return [merge_group(group) for group in group_records(list(papers))]


def merge_group(group: list[Paper]) -> Paper:
    """One record from several: every id, the longest abstract, the richest author list."""
    merged = Paper(title="")
    for name in FIRST_VALUE_FIELDS:
        setattr(merged, name, next((getattr(p, name) for p in group if getattr(p, name) not in (None, "")), None))
    merged.title = merged.title or ""
    merged.abstract = max((p.abstract for p in group), key=len)
    for paper in group:
        for kind, value in paper.external_ids.items():
            merged.external_ids.setdefault(kind, value)
    for name in LIST_FIELDS:
        setattr(merged, name, list(dict.fromkeys(v for p in group for v in getattr(p, name))))
    merged.authors = list(max((p.authors for p in group), key=len))
    counts = [n for p in group for n in (p.authors_count, len(p.authors) or None) if n]
    merged.authors_count = max(counts, default=None)
    merged.references = merge_refs(ref for p in group for ref in p.references)
    merged.cited_by = merge_refs(ref for p in group for ref in p.cited_by)
    merged.stub = all(p.stub for p in group)
    return merged


def merge_refs(refs: Iterable[PaperRef]) -> list[PaperRef]:
    """References deduplicated on any shared key; the first keeps its place and gains the ids.

    >>> [r.keys() for r in merge_refs([PaperRef(doi="10.1/x"), PaperRef("2401.00001", "10.1/x")])]
    [['2401.00001', 'doi:10.1/x']]
    """
    merged: list[PaperRef] = []
    by_key: dict[str, PaperRef] = {}
    for ref in refs:
        target = next((by_key[key] for key in ref.keys() if key in by_key and _compatible(by_key[key], ref)),
                      None)
        if target is None:
            target = PaperRef(ref.arxiv_id, ref.doi, dict(ref.external_ids), ref.title)
            merged.append(target)
        else:
            target.arxiv_id = target.arxiv_id or ref.arxiv_id
            target.doi = target.doi or ref.doi
            target.title = target.title or ref.title
            for kind, value in ref.external_ids.items():
                target.external_ids.setdefault(kind, value)
        for key in target.keys():
            by_key.setdefault(key, target)
    return merged


def _compatible(a: PaperRef, b: PaperRef) -> bool:
    """Whether two references may be one paper: never when their arXiv ids differ."""
    return not (a.arxiv_id and b.arxiv_id and a.arxiv_id != b.arxiv_id)


def resolve_citations(papers: list[Paper]) -> tuple[list[tuple[str, str, str]], list[Paper]]:
    """Citation edges ``(citing key, cited key, rule)`` and the stub papers they need.

    A reference matching a paper of ``papers`` on any key links to it; the others
    become stub papers (``stub=True``), one per cited paper, merged like records.
    ``cited_by`` entries give edges in the other direction. ``rule`` names the
    citation-carrying input formats of the paper that listed the reference
    (``s2``, ``s2orc``, ``openalex``; joined by ``+`` when it came from several).
    """
    corpus = {}
    for paper in papers:
        for key in paper.ref().keys():
            corpus.setdefault(key, paper.key)
    unresolved = [_stub(ref) for ref in _all_refs(papers) if not any(k in corpus for k in ref.keys())]
    targets, stubs = dict(corpus), []
    for group in group_records(unresolved):
        stubs.append(merge_group(group))
        # Every member's keys, as a merged paper keeps one id per kind.
        for key in (key for member in group for key in member.ref().keys()):
            targets.setdefault(key, stubs[-1].key)
    edges: dict[tuple[str, str], str] = {}
    for paper in papers:
        rule = "+".join(s for s in paper.sources if s in CITATION_FORMATS) or "+".join(paper.sources)
        for ref in paper.references:
            _add_edge(edges, paper.key, _target(ref, targets), rule)
        for ref in paper.cited_by:
            _add_edge(edges, _target(ref, targets), paper.key, rule)
    return [(citing, cited, rule) for (citing, cited), rule in edges.items()], stubs


def _all_refs(papers: list[Paper]) -> Iterable[PaperRef]:
    for paper in papers:
        yield from (ref for ref in [*paper.references, *paper.cited_by] if ref.keys())


def _stub(ref: PaperRef) -> Paper:
    return Paper(title=ref.title or "", arxiv_id=ref.arxiv_id, doi=ref.doi,
                 external_ids=dict(ref.external_ids), stub=True)


def _target(ref: PaperRef, targets: dict[str, str]) -> str | None:
    return next((targets[key] for key in ref.keys() if key in targets), None)


def _add_edge(edges: dict, citing: str | None, cited: str | None, rule: str) -> None:
    if citing and cited and citing != cited:
        edges.setdefault((citing, cited), rule)
