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

from array import array
from typing import Iterable, Iterator, Sequence

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
        self.parent = array("q", range(size))  # one block, not an int object per record

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        i, j = self.find(i), self.find(j)
        if i != j:
            self.parent[max(i, j)] = min(i, j)


def _group(keys: Sequence[list[str]], arxiv_ids: Sequence[str | None]) -> _Groups:
    """The groups of records with keys ``keys[i]`` (a record's ``ref().keys()``) and arXiv ids ``arxiv_ids[i]``."""
    groups = _Groups(len(keys))
    _link(keys, arxiv_ids, groups, strong=True)
    _link(keys, arxiv_ids, groups, strong=False)
    return groups


def group_records(papers: list[Paper]) -> list[list[Paper]]:
    """Records of the same paper together, groups and members in input order."""
    groups = _group([paper.ref().keys() for paper in papers], [paper.arxiv_id for paper in papers])
    members: dict[int, list[Paper]] = {}
    for i, paper in enumerate(papers):
        members.setdefault(groups.find(i), []).append(paper)
    return list(members.values())


def _link(keys: Sequence[list[str]], arxiv_ids: Sequence[str | None], groups: _Groups, strong: bool) -> None:
    """Join records on shared ids (``strong``) or on title keys, never across arXiv ids."""
    # each group's arXiv ids, by its root
    group_ids = {i: {arxiv_id} - {None} for i, arxiv_id in enumerate(arxiv_ids)}
    first_with_key: dict[str, int] = {}
    for i, record_keys in enumerate(keys):
        for key in record_keys:
            if key.startswith("title:") == strong:
                continue
            j = first_with_key.setdefault(key, i)
            a, b = groups.find(i), groups.find(j)
            if a == b or (not strong and group_ids[a] and group_ids[b] and group_ids[a] != group_ids[b]):
                continue
            groups.union(a, b)
            group_ids[min(a, b)] = group_ids[a] | group_ids[b]


class RecordGroups:
    """Which records are one paper, found from their keys alone, so that merging holds no more than
    it must: an instance reads the records once for their keys, and :meth:`merge` reads them again."""

    def __init__(self, records: Iterable[Paper]):
        keys, arxiv_ids = [], []
        for record in records:
            keys.append(record.ref().keys())
            arxiv_ids.append(record.arxiv_id)
        groups = _group(keys, arxiv_ids)
        self.records = len(keys)
        self.root = array("q", map(groups.find, range(self.records)))
        self.last = array("q", bytes(8 * self.records))  # a root's last record
        for i, root in enumerate(self.root):
            self.last[root] = i
        self.papers = sum(i == root for i, root in enumerate(self.root))

    def merge(self, records: Iterable[Paper]) -> Iterator[Paper]:
        """The merged papers of ``records`` (the same records again), in :func:`merge_papers`' order.
        A group is merged at its last record and held until the groups before it are out: records
        of the same paper far apart (a citations file after the snapshot) are held until then."""
        roots = (i for i, root in enumerate(self.root) if i == root)
        next_root = next(roots, None)
        pending: dict[int, list[Paper]] = {}
        merged: dict[int, Paper] = {}
        for i, record in enumerate(records):
            root = self.root[i]
            pending.setdefault(root, []).append(record)
            if self.last[root] == i:
                merged[root] = merge_group(pending.pop(root))
            while next_root in merged:
                yield merged.pop(next_root)
                next_root = next(roots, None)


def merge_papers(papers: Iterable[Paper]) -> list[Paper]:
    """One paper per group of records sharing a key, in order of first appearance."""
    papers = list(papers)
    return list(RecordGroups(papers).merge(papers))


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


def resolve_citations(papers: Iterable[Paper]) -> tuple[list[tuple[str, str, str]], list[Paper]]:
    """Citation edges ``(citing key, cited key, rule)`` and the stub papers they need.

    A reference matching a paper of ``papers`` on any key links to it; the others
    become stub papers (``stub=True``), one per cited paper, merged like records.
    ``cited_by`` entries give edges in the other direction. ``rule`` names the
    citation-carrying input formats of the paper that listed the reference
    (``s2``, ``s2orc``, ``openalex``; joined by ``+`` when it came from several).
    """
    citations = Citations()
    for paper in papers:
        citations.add(paper)
    return citations.resolve()


class Citations:
    """:func:`resolve_citations` of papers given one at a time, keeping of each only its keys and
    references (a build lets the papers go as they are extracted)."""

    def __init__(self) -> None:
        self.corpus: dict[str, str] = {}  # every key of every paper -> that paper's key
        self.citing: list[tuple[str, str, list[PaperRef], list[PaperRef]]] = []  # (key, rule, references, cited_by)

    def add(self, paper: Paper) -> None:
        keys = paper.ref().keys()
        for key in keys:
            self.corpus.setdefault(key, keys[0])
        if paper.references or paper.cited_by:
            rule = "+".join(s for s in paper.sources if s in CITATION_FORMATS) or "+".join(paper.sources)
            self.citing.append((keys[0], rule, paper.references, paper.cited_by))

    def resolve(self) -> tuple[list[tuple[str, str, str]], list[Paper]]:
        """What :func:`resolve_citations` gives for the papers added."""
        corpus = self.corpus
        unresolved = [_stub(ref) for _, _, references, cited_by in self.citing for ref in [*references, *cited_by]
                      if ref.keys() and not any(k in corpus for k in ref.keys())]
        targets, stubs = dict(corpus), []
        for group in group_records(unresolved):
            stubs.append(merge_group(group))
            # Every member's keys, as a merged paper keeps one id per kind.
            for key in (key for member in group for key in member.ref().keys()):
                targets.setdefault(key, stubs[-1].key)
        edges: dict[tuple[str, str], str] = {}
        for key, rule, references, cited_by in self.citing:
            for ref in references:
                _add_edge(edges, key, _target(ref, targets), rule)
            for ref in cited_by:
                _add_edge(edges, _target(ref, targets), key, rule)
        return [(citing, cited, rule) for (citing, cited), rule in edges.items()], stubs


def _stub(ref: PaperRef) -> Paper:
    return Paper(title=ref.title or "", arxiv_id=ref.arxiv_id, doi=ref.doi,
                 external_ids=dict(ref.external_ids), stub=True)


def _target(ref: PaperRef, targets: dict[str, str]) -> str | None:
    return next((targets[key] for key in ref.keys() if key in targets), None)


def _add_edge(edges: dict, citing: str | None, cited: str | None, rule: str) -> None:
    if citing and cited and citing != cited:
        edges.setdefault((citing, cited), rule)
