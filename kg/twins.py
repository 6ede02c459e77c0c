"""NetworkX twins of the named Cypher queries: the same rows from the mirror.

Each twin is registered under its query's name and takes the MultiDiGraph and
the query's parameters as keywords. A twin returns exactly the rows of its
``queries/NAME.cypher``: same columns, same order (ties broken by the same full
key), same plain values. Names and aliases match as in the Cypher: equal to
the node id, or equal ignoring case (``str.lower`` / ``toLower``).

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("paper:1", label="Paper", id="paper:1", key="1", title="A")
>>> G.add_node("method:clip", label="Method", id="method:clip", name="CLIP", type="method",
...            aliases=["Contrastive Language-Image Pre-training"])
>>> G.add_edge("paper:1", "method:clip", key="USES", type="USES")
'USES'
>>> run(G, "papers_using_method", {"method": "contrastive language-image pre-training", "n": 25, "after": ""})
[{'paper': 'paper:1', 'title': 'A', 'year': None, 'relation': 'USES', 'method': 'method:clip'}]
"""
from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from typing import Callable, Iterable

import networkx as nx

from kg import node_index, textstore
from kg.shortest_paths import first_shortest_paths
from kg.errors import UsageError
from kg.model import NAMED_KINDS

Twin = Callable[..., list[dict]]
TWINS: dict[str, Twin] = {}

METHOD_EDGES = ("USES", "PROPOSES")
DATASET_EDGES = ("EVALUATES_ON", "INTRODUCES")
ENTITY_EDGES = ("PROPOSES", "USES", "INTRODUCES", "EVALUATES_ON", "ADDRESSES", "REPORTS")
MAX_PATH_HOPS = 6  # the bound written into shortest_path.cypher


def twin(name: str) -> Callable[[Twin], Twin]:
    """Register a function as the twin of ``queries/<name>.cypher``."""
    def register(function: Twin) -> Twin:
        if name in TWINS:
            raise ValueError(f"two twins registered for query {name!r}")
        TWINS[name] = function
        return function
    return register


def run(G: nx.MultiDiGraph, name: str, params: dict) -> list[dict]:
    """Run the twin of query ``name`` on ``G`` with ``params``."""
    if name not in TWINS:
        raise UsageError(f"no query named {name!r} (see `kg query --list`)")
    return TWINS[name](G, **params)


# --- matching, as the WHERE clauses of the queries do it ----------------------------------

def _is_named(node: str, attrs: dict, text: str) -> bool:
    """The id equal, or the name or an alias equal ignoring case: what the queries' id seek and
    ``n.lookup CONTAINS (sep + toLower($x) + sep)`` find (``loaders.neo4j_writer.lookup_key``)."""
    if node == text:
        return True
    wanted = text.lower()
    names = [attrs.get("name"), *attrs.get("aliases", [])]
    return any(name is not None and name.lower() == wanted for name in names)


def _nodes_that_may_be(G: nx.MultiDiGraph, text: str) -> Iterable[tuple[str, dict]]:
    """``(node, attrs)`` of every node, or of the few the graph's index has under ``text``
    (:mod:`kg.node_index`): the callers test each as they would in a walk."""
    index = node_index.of(G)
    return G.nodes(data=True) if index is None else ((node, G.nodes[node]) for node in index.candidates(text))


def labelled(G: nx.MultiDiGraph, label: str) -> Iterable[tuple[str, dict]]:
    """``(node, attrs)`` of the nodes of ``label``: from the graph's index if it has one, else a walk."""
    index = node_index.of(G)
    if index is None:
        return ((node, attrs) for node, attrs in G.nodes(data=True) if attrs.get("label") == label)
    return ((node, G._node[node]) for node in index.labelled(label))


def find_entities(G: nx.MultiDiGraph, text: str, label: str | None = None) -> list[str]:
    """Entity nodes (of ``label``, or of any entity type) named ``text`` by id, name or alias."""
    return [node for node, attrs in _nodes_that_may_be(G, text)
            if (attrs.get("label") == label if label else attrs.get("type") is not None)
            and _is_named(node, attrs, text)]


def find_papers(G: nx.MultiDiGraph, text: str) -> list[str]:
    """Papers whose id or key is ``text``, or whose title equals it ignoring case."""
    return [node for node, attrs in _nodes_that_may_be(G, text) if attrs.get("label") == "Paper"
            and (node == text or attrs.get("key") == text
                 or (attrs.get("title") is not None and attrs["title"].lower() == text.lower()))]


def _has_label(G: nx.MultiDiGraph, node: str, label: str) -> bool:
    return G._node[node].get("label") == label  # the plain dict: see papers_into


def papers_into(G: nx.MultiDiGraph, node: str, types: Iterable[str] | None = None) -> set[str]:
    """Papers with a relationship (of one of ``types``, or any) to ``node``."""
    # G._pred[node] maps each source once to its relationships by type: a paper naming ``node`` in
    # several relationships is looked at once (the rankings call this for every entity). The plain
    # dicts, as networkx's own algorithms read them: its views wrap every item in a new object
    # (two thirds of methods_without_code's 2.9 s on a 100k-paper graph).
    return {source for source, keyed in G._pred[node].items()
            if (types is None or any(edge_type in keyed for edge_type in types)) and _has_label(G, source, "Paper")}


def targets_of(G: nx.MultiDiGraph, node: str, types: Iterable[str], label: str | None = None) -> set[str]:
    """Nodes ``node`` points to by a relationship of one of ``types`` (with ``label`` if given)."""
    return {target for target, keyed in G._succ[node].items()
            if any(edge_type in keyed for edge_type in types) and (label is None or _has_label(G, target, label))}


def _ordered(rows: Iterable, key: Callable, n: int | None = None) -> list:
    """``sorted(rows, key=key)[:n]``; the first ``n`` without sorting the rest (a ranking of 10 pairs
    out of millions)."""
    return sorted(rows, key=key) if n is None or n < 0 else heapq.nsmallest(n, rows, key=key)


def _by_papers(column: str) -> Callable[[dict], tuple]:
    """ORDER BY papers DESC, <column> ASC."""
    return lambda row: (-row["papers"], row[column])


def _name(G: nx.MultiDiGraph, node: str):
    return G.nodes[node].get("name")


# --- rankings -------------------------------------------------------------------------------

@twin("top_entities")
def top_entities(G: nx.MultiDiGraph, type: str, n: int, kind: str) -> list[dict]:
    rows = [{"id": node, "name": attrs.get("name"), "kind": attrs.get("kind"), "papers": len(papers_into(G, node))}
            for node, attrs in G.nodes(data=True) if attrs.get("type") == type and kind_matches(attrs.get("kind"), kind)]
    return _ordered([row for row in rows if row["papers"]], _by_papers("id"), n)


def kind_matches(node_kind: str | None, wanted: str) -> bool:
    """The ``kind`` parameter of the rankings: ``names`` (name or concept), ``all``, or one kind."""
    return wanted == "all" or node_kind == wanted or (wanted == "names" and node_kind in NAMED_KINDS)


@twin("method_dataset_pairs")
def method_dataset_pairs(G: nx.MultiDiGraph, n: int) -> list[dict]:
    papers = Counter()  # each paper adds each of its pairs once: a count of distinct papers
    for paper, _ in labelled(G, "Paper"):
        datasets = targets_of(G, paper, DATASET_EDGES, "Dataset")
        if datasets:
            papers.update((method, dataset) for method in targets_of(G, paper, METHOD_EDGES, "Method")
                          for dataset in datasets)
    top = _ordered(papers.items(), lambda pair: (-pair[1], *pair[0]), n)
    return [{"method": method, "dataset": dataset, "method_name": _name(G, method),
             "dataset_name": _name(G, dataset), "papers": count} for (method, dataset), count in top]


@twin("rising_methods")
def rising_methods(G: nx.MultiDiGraph, year: int, n: int) -> list[dict]:
    counts = defaultdict(lambda: {year - 1: 0, year: 0})
    for paper, attrs in labelled(G, "Paper"):  # the papers of the two years, not every method's papers
        if attrs.get("year") in (year - 1, year):
            for method in targets_of(G, paper, METHOD_EDGES, "Method"):
                counts[method][attrs["year"]] += 1
    rows = [{"method": method, "name": _name(G, method), "papers_before": per_year[year - 1],
             "papers": per_year[year], "growth": per_year[year] - per_year[year - 1]}
            for method, per_year in counts.items()]
    return _ordered(rows, lambda row: (-row["growth"], -row["papers"], row["method"]), n)


@twin("methods_without_code")
def methods_without_code(G: nx.MultiDiGraph, n: int) -> list[dict]:
    # the papers that link code, once (from the few Repository nodes), not each proposer's relationships
    with_code = {paper for repository, _ in labelled(G, "Repository") for paper in papers_into(G, repository, ("HAS_CODE",))}
    rows = []
    for node, attrs in labelled(G, "Method"):
        proposers = papers_into(G, node, ("PROPOSES",))
        if proposers and with_code.isdisjoint(proposers):
            rows.append({"method": node, "name": attrs.get("name"), "papers": len(papers_into(G, node, METHOD_EDGES))})
    return _ordered(rows, _by_papers("method"), n)


# --- one entity -----------------------------------------------------------------------------

@twin("papers_using_method")
def papers_using_method(G: nx.MultiDiGraph, method: str, n: int, after: str) -> list[dict]:
    rows = [{"paper": paper, "title": G.nodes[paper].get("title"), "year": G.nodes[paper].get("year"),
             "relation": edge_type, "method": node}
            for node in find_entities(G, method, "Method")
            for paper, _, edge_type in G.in_edges(node, keys=True)
            if edge_type in METHOD_EDGES and _has_label(G, paper, "Paper") and paper > after]
    page = set(sorted({row["paper"] for row in rows})[:n])
    return _ordered([row for row in rows if row["paper"] in page],
                    lambda row: (row["paper"], row["method"], row["relation"]))


def _cooccurring(G: nx.MultiDiGraph, anchors: list[str], anchor_edges: tuple[str, ...],
                 column: str, label: str, edges: tuple[str, ...], n: int) -> list[dict]:
    """The ``n`` entities of ``label`` named (by ``edges``) in most of the papers naming any anchor."""
    papers = defaultdict(set)
    for anchor in anchors:
        for paper in papers_into(G, anchor, anchor_edges):
            for target in targets_of(G, paper, edges, label):
                papers[target].add(paper)
    rows = [{column: node, "name": _name(G, node), "papers": len(found)} for node, found in papers.items()]
    return _ordered(rows, _by_papers(column), n)


@twin("datasets_for_method")
def datasets_for_method(G: nx.MultiDiGraph, method: str, n: int) -> list[dict]:
    return _cooccurring(G, find_entities(G, method, "Method"), METHOD_EDGES, "dataset", "Dataset", DATASET_EDGES, n)


@twin("methods_on_dataset")
def methods_on_dataset(G: nx.MultiDiGraph, dataset: str, n: int) -> list[dict]:
    return _cooccurring(G, find_entities(G, dataset, "Dataset"), DATASET_EDGES, "method", "Method", METHOD_EDGES, n)


@twin("methods_for_task")
def methods_for_task(G: nx.MultiDiGraph, task: str, n: int) -> list[dict]:
    return _cooccurring(G, find_entities(G, task, "Task"), ("ADDRESSES",), "method", "Method", METHOD_EDGES, n)


def _authors(G: nx.MultiDiGraph, paper: str) -> list[str]:
    """Author names of ``paper`` in author order."""
    authored = [(attrs.get("position"), G.nodes[author].get("name"))
                for author, _, attrs in G.in_edges(paper, data=True)
                if attrs.get("type") == "AUTHORED" and _has_label(G, author, "Author")]
    return [name for _, name in sorted(authored, key=lambda pair: pair[0])]


@twin("proposer_of")
def proposer_of(G: nx.MultiDiGraph, entity: str) -> list[dict]:
    rows = []
    for node in find_entities(G, entity):
        for paper, _, edge_type, attrs in G.in_edges(node, keys=True, data=True):
            if edge_type in ("PROPOSES", "INTRODUCES") and _has_label(G, paper, "Paper"):
                props = G.nodes[paper]
                rows.append({"entity": node, "paper": paper, "title": props.get("title"),
                             "published": props.get("published"), "year": props.get("year"),
                             "authors": _authors(G, paper),
                             "evidence": textstore.sentence(G, paper, node, edge_type, attrs)})
    return _ordered(rows, lambda row: (row["entity"], row["paper"]))


@twin("search_entities")
def search_entities(G: nx.MultiDiGraph, text: str, n: int) -> list[dict]:
    needle = text.lower()
    rows = []
    for node, attrs in G.nodes(data=True):
        if attrs.get("type") is None:
            continue
        names = [name.lower() for name in [attrs.get("name"), *attrs.get("aliases", [])] if name is not None]
        if any(needle in name for name in names):
            rows.append({"id": node, "name": attrs.get("name"), "type": attrs["type"],
                         "exact": needle in names, "papers": len(papers_into(G, node))})
    return _ordered(rows, lambda row: (not row["exact"], -row["papers"], row["id"]), n)


@twin("shortest_path")
def shortest_path(G: nx.MultiDiGraph, source: str, target: str, n: int) -> list[dict]:
    found = set()
    for start in find_entities(G, source):
        for end in find_entities(G, target):
            if start != end:
                found.update(first_shortest_paths(G, start, end, n, MAX_PATH_HOPS))
    rows = [{"hops": len(path) - 1, "ids": list(path),
             "names": [G.nodes[node].get("name", G.nodes[node].get("title")) for node in path]}
            for path in found]
    return _ordered(rows, lambda row: (row["hops"], row["ids"]), n)


# --- one paper ------------------------------------------------------------------------------

@twin("papers_building_on")
def papers_building_on(G: nx.MultiDiGraph, paper: str) -> list[dict]:
    rows = []
    for node in find_papers(G, paper):
        citing = papers_into(G, node, ("CITES",)) - {node}
        uses = defaultdict(list)
        for entity in targets_of(G, node, ("PROPOSES", "INTRODUCES")):
            for user in papers_into(G, entity, ("USES", "EVALUATES_ON")) - {node}:
                uses[user].append(_name(G, entity))
        rows += [{"of": node, "paper": other, "title": G.nodes[other].get("title"),
                  "cites": other in citing, "uses": sorted(uses[other])}
                 for other in citing | set(uses)]
    return _ordered(rows, lambda row: (-len(row["uses"]), not row["cites"], row["of"], row["paper"]))


@twin("citations")
def citations(G: nx.MultiDiGraph, paper: str) -> list[dict]:
    rows = set()
    for node in find_papers(G, paper):
        linked = [("out", other) for other in targets_of(G, node, ("CITES",), "Paper")]
        linked += [("in", other) for other in papers_into(G, node, ("CITES",))]
        rows |= {(direction, other, G.nodes[other].get("title"), G.nodes[other].get("stub"))
                 for direction, other in linked}
    return [dict(zip(("direction", "paper", "title", "stub"), row))
            for row in sorted(rows, key=lambda row: row[:2])]


@twin("papers_with_code")
def papers_with_code(G: nx.MultiDiGraph, n: int) -> list[dict]:
    rows = [{"paper": paper, "title": G.nodes[paper].get("title"), "repository": _name(G, repo),
             "host": attrs.get("host")}
            for repo, attrs in labelled(G, "Repository")
            for paper, keyed in G.pred[repo].items() if "HAS_CODE" in keyed and _has_label(G, paper, "Paper")]
    return _ordered(rows, lambda row: (row["paper"], row["repository"]), n)


@twin("related_papers")
def related_papers(G: nx.MultiDiGraph, paper: str, n: int, max_papers: int) -> list[dict]:
    rows = []
    for node in find_papers(G, paper):
        shared = defaultdict(set)
        for entity in targets_of(G, node, ENTITY_EDGES):
            if len(papers_into(G, entity)) > max_papers:  # the `papers` count kg load keeps
                continue
            for other in papers_into(G, entity, ENTITY_EDGES) - {node}:
                shared[other].add(_name(G, entity))
        rows += [{"of": node, "paper": other, "title": G.nodes[other].get("title"),
                  "score": len(names), "shared": sorted(names)} for other, names in shared.items()]
    return _ordered(rows, lambda row: (-row["score"], row["of"], row["paper"]), n)


def _entity_edges(G: nx.MultiDiGraph, paper: str):
    """``(target, type, attrs)`` of every relationship from ``paper`` to an entity node."""
    return [(target, edge_type, attrs) for _, target, edge_type, attrs in G.out_edges(paper, keys=True, data=True)
            if G.nodes[target].get("type") is not None]


@twin("evidence")
def evidence(G: nx.MultiDiGraph, paper: str, entity: str) -> list[dict]:
    rows = [{"paper": node, "entity": target, "relation": edge_type,
             **{f: attrs.get(f) for f in ("field", "sentence_index", "start", "end")},
             "sentence": textstore.sentence(G, node, target, edge_type, attrs),
             **{f: attrs.get(f) for f in ("rule", "mentions")}}
            for node in find_papers(G, paper)
            for target, edge_type, attrs in _entity_edges(G, node)
            if _is_named(target, G.nodes[target], entity)]
    return _ordered(rows, lambda row: (row["paper"], row["entity"], row["relation"]))


@twin("paper_entities")
def paper_entities(G: nx.MultiDiGraph, paper: str) -> list[dict]:
    rows = [{"paper": node, "relation": edge_type, "entity": target, "name": _name(G, target),
             "mentions": attrs.get("mentions")}
            for node in find_papers(G, paper) for target, edge_type, attrs in _entity_edges(G, node)]
    return _ordered(rows, lambda row: (row["paper"], row["relation"], row["entity"]))


@twin("author_papers")
def author_papers(G: nx.MultiDiGraph, author: str) -> list[dict]:
    wanted = author.lower()
    authors = [node for node, attrs in _nodes_that_may_be(G, author) if attrs.get("label") == "Author"
               and (node == author or (attrs.get("name") or "").lower() == wanted)]
    rows = [{"author": node, "paper": paper, "title": G.nodes[paper].get("title"),
             "year": G.nodes[paper].get("year"),
             "proposes": sorted(_name(G, m) for m in targets_of(G, paper, ("PROPOSES",), "Method"))}
            for node in authors for paper in targets_of(G, node, ("AUTHORED",), "Paper")]
    return _ordered(rows, lambda row: (row["author"], row["paper"]))
