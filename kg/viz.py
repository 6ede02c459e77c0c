"""HTML views of the graph: an overview, one node's neighbourhood, a methods x datasets map.

Each view is one self-contained HTML page: vis-network (shipped inside the
pyvis package) is inlined, so the page opens from ``file://`` with no network
and references no external URL. Everything that came from input (titles,
abstracts, names, evidence sentences, URLs) travels as JSON data inside a
``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped,
and the page's own script turns it into tooltips as plain-text DOM nodes
(``textContent``), never as HTML. A Content-Security-Policy allows only the
page's own two scripts (by hash) and no fetch of any kind.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("paper:2103.00020", label="Paper", id="paper:2103.00020", title="Learning Transferable Visual Models")
>>> G.add_node("method:clip", label="Method", id="method:clip", name="CLIP")
>>> G.add_edge("paper:2103.00020", "method:clip", key="PROPOSES", type="PROPOSES")
'PROPOSES'
>>> page = overview(G, top=10)
>>> page.startswith("<!DOCTYPE html>") and "https://cdn" not in page
True
"""
from __future__ import annotations

import base64
import difflib
import hashlib
import json
import os
import re
from collections import defaultdict
from importlib import resources
from pathlib import Path
from urllib.parse import quote, urlsplit

import jinja2
from markupsafe import Markup
import networkx as nx
import pyvis
from pyvis.network import Network

from kg import analytics, textstore
from kg.errors import KgError, UsageError
from kg.model import KINDS, NAMED_KINDS, normalize_arxiv_id
from kg.output import atomic_open

# Node label -> (vis-network shape, fill colour, legend glyph). Colour-blind-safe Tableau 10 hues.
TYPE_STYLES = {
    "Paper": ("square", "#4e79a7", "\u25a0"),
    "Method": ("dot", "#f28e2b", "\u25cf"),
    "Dataset": ("diamond", "#59a14f", "\u25c6"),
    "Task": ("triangle", "#b07aa1", "\u25b2"),
    "Metric": ("triangleDown", "#edc948", "\u25bc"),
    "Repository": ("hexagon", "#76b7b2", "\u2b22"),
    "Link": ("star", "#9c755f", "\u2605"),
    "Author": ("dot", "#ff9da7", "\u25cf"),
}
UNKNOWN_STYLE = ("dot", "#bab0ac", "\u25cf")
STUB_FILL = "#b9cbe0"  # a cited-only paper: the paper colour, washed out
# Border colours of the largest communities (darker than the fills so a ring reads as a ring).
COMMUNITY_COLOURS = ["#1f3b73", "#b3400b", "#2a6b22", "#6b2c6b", "#8a6d00", "#0f6e6a",
                     "#7a1f2b", "#3d3d3d", "#5a3a1a", "#0b5394"]
OTHER_COMMUNITY = "#c8c8c8"
VIS_LIB = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
LABEL_CHARS = 36
ABSTRACT_CHARS = 420


# ---------------------------------------------------------------- public verbs

def overview(G: nx.MultiDiGraph, top: int = 150, size: str = "degree") -> str:
    """The ``top`` most connected papers and entities as an HTML page.

    Generic terms and descriptions (``kind``, docs/extraction.md) are left out, so names and
    concepts, not "accuracy", sit in the middle. Connections count distinct neighbours other
    than authors. Nodes are sized
    by ``size`` (``"degree"`` or ``"pagerank"``), coloured and shaped by label,
    and ringed by community.

    >>> G = nx.MultiDiGraph([("paper:1", "method:clip", "USES")])
    >>> nx.set_node_attributes(G, {"paper:1": "Paper", "method:clip": "Method"}, "label")
    >>> "most connected" in overview(G, top=1)
    True
    """
    if top < 1:
        raise UsageError(f"--top must be at least 1, not {top}")
    links = connections(G)
    candidates = [n for n, attrs in G.nodes(data=True) if attrs.get("label") != "Author" and _named(attrs)]
    keep = sorted(candidates, key=lambda n: (-links[n], n))[:top]
    shown = len(keep)
    cut = (f"the {shown} most connected of {len(candidates)} papers and entities"
           if shown < len(candidates) else f"all {shown} papers and entities")
    if size not in ("degree", "pagerank"):
        raise UsageError(f"size must be 'degree' or 'pagerank', not {size!r}")
    values = analytics.pagerank(G, labels=tuple({G.nodes[n].get("label") for n in keep})) \
        if size == "pagerank" else links
    net, communities = _network(G, keep, values, links, communities_of(G, keep))
    _add_graph_edges(net, G, keep)
    return _render(net, "Knowledge graph overview",
                   f"Showing {cut} (authors and generic terms left out); sized by {size}, ringed by community.",
                   communities)


def ego(G: nx.MultiDiGraph, node: str, depth: int = 1, limit: int = 400) -> str:
    """One node and everything within ``depth`` hops of it (either direction).

    ``node`` is a node id (``method:clip``) or a name, alias, title or arXiv id
    matched case-insensitively. At most ``limit`` nodes are drawn, nearest first.

    >>> G = nx.MultiDiGraph([("paper:1", "method:clip", "USES")])
    >>> nx.set_node_attributes(G, {"paper:1": "Paper", "method:clip": "Method"}, "label")
    >>> G.nodes["method:clip"]["name"] = "CLIP"
    >>> "Neighbourhood of CLIP" in ego(G, "clip")
    True
    """
    centre = resolve_node(G, node)
    if depth < 1:
        raise UsageError(f"--depth must be at least 1, not {depth}")
    hops = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), centre, cutoff=depth)
    links = connections(G)
    keep = sorted(hops, key=lambda n: (hops[n], -links[n], n))[:limit]
    cut = (f"the {len(keep)} nearest of {len(hops)} nodes" if len(keep) < len(hops)
           else f"{len(keep)} nodes")
    net, communities = _network(G, keep, links, links, communities_of(G, keep))
    _emphasise(net, centre, max(links[n] for n in keep))
    _add_graph_edges(net, G, keep)
    name = display_name(G, centre)
    return _render(net, f"Neighbourhood of {name}",
                   f"{G.nodes[centre].get('label', 'Node')} {centre}: {cut} within {depth} "
                   f"hop{'s' if depth > 1 else ''}; ringed by community.", communities)


def method_dataset_map(G: nx.MultiDiGraph, top: int = 120) -> str:
    """Methods x datasets: an edge for every pair some paper uses together, as wide as
    the number of such papers (a paper that proposes a method or introduces a dataset
    counts as using it). The ``top`` methods and datasets by co-occurrence are drawn.

    >>> G = nx.MultiDiGraph([("paper:1", "method:clip", "USES"), ("paper:1", "dataset:coco", "EVALUATES_ON")])
    >>> nx.set_node_attributes(G, {"paper:1": "Paper", "method:clip": "Method", "dataset:coco": "Dataset"}, "label")
    >>> "1 method-dataset pairs" in method_dataset_map(G)
    True
    """
    if top < 1:
        raise UsageError(f"--top must be at least 1, not {top}")
    projection = analytics.method_dataset_projection(G)
    weight = {n: w for n, w in projection.degree(weight="weight") if w and _named(G.nodes[n])}
    keep = sorted(weight, key=lambda n: (-weight[n], n))[:top]
    drawn = projection.subgraph(keep)
    found = analytics.communities(G)
    groups = defaultdict(list)
    for n in keep:
        groups[found[n]].append(n)
    net, communities = _network(G, keep, weight, connections(G),
                                sorted((g for g in groups.values() if len(g) > 1), key=lambda g: (-len(g), g[0])))
    for u, v, papers in sorted(drawn.edges(data="weight")):
        method, dataset = (u, v) if G.nodes[u].get("label") == "Method" else (v, u)
        net.add_edge(method, dataset, value=papers, arrows="", tip=_pair_tip(G, method, dataset))
    shown = drawn.number_of_edges()
    cut = (f"the {len(keep)} methods and datasets of {len(weight)} that co-occur most"
           if len(keep) < len(weight) else f"all {len(keep)} methods and datasets that co-occur")
    return _render(net, "Methods \u00d7 datasets",
                   f"{shown} method-dataset pairs among {cut}; edge width = papers using the method "
                   f"and evaluating on the dataset.", communities)


def write_html(html: str, path: str | os.PathLike) -> None:
    """Write a page atomically (a reader never sees half a file).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "v.html"
    >>> write_html("<!DOCTYPE html>", p); p.read_text()
    '<!DOCTYPE html>'
    """
    with atomic_open(path) as handle:
        handle.write(html)


# ---------------------------------------------------------------- graph measures

_UNNAMED_KINDS = frozenset(KINDS) - frozenset(NAMED_KINDS)  # generic and description


def _named(attrs: dict) -> bool:
    """Whether a node may be drawn in the overview and the map: not a generic term or a description
    (a node without a kind, from an older graph, is drawn)."""
    return attrs.get("kind") not in _UNNAMED_KINDS


def connections(G: nx.MultiDiGraph) -> dict[str, int]:
    """Distinct neighbours of each node, either direction; authors only count for authors.

    >>> G = nx.MultiDiGraph([("author:a", "paper:1", "AUTHORED"), ("paper:1", "method:m", "USES")])
    >>> nx.set_node_attributes(G, {"author:a": "Author", "paper:1": "Paper", "method:m": "Method"}, "label")
    >>> connections(G)
    {'author:a': 1, 'paper:1': 1, 'method:m': 1}
    """
    label = dict(G.nodes(data="label"))
    neighbours = {n: set() for n in G}
    for u, v in G.edges():
        if u == v:
            continue
        if label[u] != "Author" or label[v] == "Author":
            neighbours[v].add(u)
        if label[v] != "Author" or label[u] == "Author":
            neighbours[u].add(v)
    return {n: len(s) for n, s in neighbours.items()}


def resolve_node(G: nx.MultiDiGraph, query: str) -> str:
    """The node a user means: an id, else a name/alias/title/arXiv id (case-insensitive).

    Papers, methods and datasets win over other matches; several matches of the
    same rank are an error listing them.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("method:clip", label="Method", name="CLIP", aliases=["Contrastive Language-Image Pre-training"])
    >>> resolve_node(G, "contrastive language-image pre-training")
    'method:clip'
    """
    if query in G:
        return query
    wanted = query.strip().casefold()
    arxiv_id = normalize_arxiv_id(query)
    matches = [n for n, a in G.nodes(data=True) if wanted in _names(a) or (arxiv_id and a.get("arxiv_id") == arxiv_id)]
    preferred = [n for n in matches if G.nodes[n].get("label") in ("Paper", "Method", "Dataset")]
    matches = preferred or matches
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = ", ".join(sorted(matches)[:8])
        raise UsageError(f"{query!r} matches {len(matches)} nodes ({listed}); give a node id")
    names = {name: n for n, a in G.nodes(data=True) for name in _names(a)}
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.75)
    hint = f"; did you mean {', '.join(names[c] for c in close)}?" if close else ""
    raise UsageError(f"no node id, name, alias or title matches {query!r}{hint}")


def _names(attrs: dict) -> set[str]:
    names = [attrs.get("name"), attrs.get("title"), attrs.get("key"), *(attrs.get("aliases") or [])]
    return {str(name).strip().casefold() for name in names if name}


def display_name(G: nx.MultiDiGraph, node: str) -> str:
    """What a node is called on screen: title, name, else its id."""
    attrs = G.nodes[node]
    return str(attrs.get("title") or attrs.get("name") or node)


# ---------------------------------------------------------------- tooltips (plain data, rendered as text)

def web_url(url) -> str | None:
    """``url`` if it is an absolute http(s) URL, else None (no ``javascript:`` links).

    >>> web_url("javascript:alert(1)") is None, web_url("https://github.com/openai/CLIP")
    (True, 'https://github.com/openai/CLIP')
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc else None


def paper_links(G: nx.MultiDiGraph, paper: str) -> list[tuple[str, str]]:
    """(name, URL) links of a paper: arXiv, Hugging Face, DOI, code, its page.

    >>> G = nx.MultiDiGraph(); G.add_node("paper:2103.00020", label="Paper", arxiv_id="2103.00020")
    >>> paper_links(G, "paper:2103.00020")[0]
    ('arXiv', 'https://arxiv.org/abs/2103.00020')
    """
    attrs = G.nodes[paper]
    links = []
    if attrs.get("arxiv_id"):
        arxiv_id = quote(str(attrs["arxiv_id"]), safe="/.")
        links.append(("arXiv", f"https://arxiv.org/abs/{arxiv_id}"))
        if "/" not in arxiv_id:  # Hugging Face pages exist only for new-style ids
            links.append(("Hugging Face", f"https://huggingface.co/papers/{arxiv_id}"))
    if attrs.get("doi"):
        links.append(("DOI", "https://doi.org/" + quote(str(attrs["doi"]), safe="/.()-_;:")))
    code = [attrs.get("code_url")] + [G.nodes[v].get("name") for _, v, k in G.out_edges(paper, keys=True)
                                      if k == "HAS_CODE"]
    links += [("code", url) for url in code]
    links.append(("page", attrs.get("url")))
    seen = set()
    return [(name, url) for name, url in links
            if web_url(url) and not (url in seen or seen.add(url))]


def _tip(heading: str, kind: str, rows=(), text: str = "", links=()) -> dict:
    return {"heading": heading, "kind": kind,
            "rows": [[key, str(value)] for key, value in rows if value not in (None, "", [])],
            "text": text, "links": [[name, url] for name, url in links if web_url(url)]}


def _clip(text, limit: int) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def node_tip(G: nx.MultiDiGraph, node: str, links: int, community: int | None) -> dict:
    """The tooltip of a node as data: heading, kind, rows, text, links."""
    attrs = G.nodes[node]
    label = attrs.get("label", "Node")
    where = [("id", node), ("connections", links),
             ("community", None if community is None else community + 1)]
    if label == "Paper":
        authors = attrs.get("authors_count") or sum(1 for _, _, k in G.in_edges(node, keys=True) if k == "AUTHORED")
        rows = [("date", attrs.get("date") or attrs.get("published") or attrs.get("year")),
                ("authors", authors), ("venue", attrs.get("venue")), ("upvotes", attrs.get("upvotes"))]
        kind = "Paper (known only as a citation)" if attrs.get("stub") else "Paper"
        return _tip(display_name(G, node), kind, rows + where,
                    _clip(textstore.abstract(G, node), ABSTRACT_CHARS), paper_links(G, node))
    papers = len({u for u, _ in G.in_edges(node)} | {v for _, v in G.out_edges(node)})
    aliases = [a for a in attrs.get("aliases") or [] if a != attrs.get("name")]
    rows = [("papers", papers), ("kind", attrs.get("kind")), ("host", attrs.get("host")), ("aliases", _clip(", ".join(aliases), 160))]
    url = attrs.get("name") if label in ("Repository", "Link") else None
    return _tip(display_name(G, node), label, rows + where, links=[("open", url)])


def edge_tip(G: nx.MultiDiGraph, u: str, v: str, key, attrs: dict) -> dict:
    """The tooltip of relationship ``(u, v, key)``, with its evidence sentence."""
    rows = [("in", attrs.get("field")), ("mentions", attrs.get("mentions")), ("found by", attrs.get("rule")),
            ("author position", attrs.get("position"))]
    heading = f"{_clip(display_name(G, u), 60)} \u2192 {_clip(display_name(G, v), 60)}"
    return _tip(heading, attrs.get("type", ""), rows, textstore.sentence(G, u, v, key, attrs) or "")


def _pair_tip(G: nx.MultiDiGraph, method: str, dataset: str) -> dict:
    """A map edge's tooltip: the papers that use the method and evaluate on the dataset."""
    users = {u for u, _, k in G.in_edges(method, keys=True) if k in analytics.METHOD_EDGES}
    papers = sorted(u for u, _, k in G.in_edges(dataset, keys=True) if k in analytics.DATASET_EDGES and u in users)
    titles = "\n".join("\u2022 " + _clip(display_name(G, p), 90) for p in papers[:12])
    more = f"\n\u2026 and {len(papers) - 12} more" if len(papers) > 12 else ""
    heading = f"{display_name(G, method)} \u00d7 {display_name(G, dataset)}"
    return _tip(heading, "used together", [("papers", len(papers))], titles + more)


# ---------------------------------------------------------------- network assembly

def communities_of(G: nx.MultiDiGraph, nodes: list[str]) -> list[list[str]]:
    """Louvain communities of the drawn nodes (largest first; singletons left out)."""
    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_edges_from((u, v) for u, v in G.subgraph(nodes).edges() if u != v)
    found = nx.community.louvain_communities(H, seed=7) if H.number_of_edges() else []
    return sorted((sorted(c) for c in found if len(c) > 1), key=lambda c: (-len(c), c[0]))


def _network(G: nx.MultiDiGraph, nodes: list[str], values: dict, links: dict,
             groups: list[list[str]]) -> tuple[Network, list[dict]]:
    """A pyvis network of ``nodes`` (sized by ``values``, ringed by ``groups``, largest first)
    and the community legend."""
    community = {n: i for i, group in enumerate(groups) for n in group}
    net = Network(directed=True)
    for n in nodes:
        attrs = G.nodes[n]
        shape, fill, _ = TYPE_STYLES.get(attrs.get("label"), UNKNOWN_STYLE)
        if attrs.get("stub"):
            fill = STUB_FILL
        ring = _community_colour(community.get(n), fill)
        tip = node_tip(G, n, links.get(n, 0), community.get(n))
        net.add_node(n, label=_clip(display_name(G, n), LABEL_CHARS), shape=shape, kind=attrs.get("label"),
                     value=round(float(values.get(n, 0)), 4), tip=tip,
                     open=(tip["links"][0][1] if tip["links"] else None),
                     color={"background": fill, "border": ring,
                            "highlight": {"background": fill, "border": "#000000"},
                            "hover": {"background": fill, "border": "#000000"}})
    legend = [{"colour": _community_colour(i, OTHER_COMMUNITY), "size": len(group),
               "label": _clip(display_name(G, max(group, key=lambda n: (links.get(n, 0), n))), 32),
               "nodes": group}
              for i, group in enumerate(groups[: len(COMMUNITY_COLOURS)])]
    return net, legend


def _community_colour(index: int | None, fallback: str) -> str:
    if index is None:
        return fallback
    return COMMUNITY_COLOURS[index] if index < len(COMMUNITY_COLOURS) else OTHER_COMMUNITY


def _emphasise(net: Network, centre: str, biggest: float) -> None:
    node = net.node_map[centre]
    node.update(value=max(biggest, 1) * 1.25, borderWidth=5)
    node["color"]["border"] = "#000000"


def _add_graph_edges(net: Network, G: nx.MultiDiGraph, nodes: list[str]) -> None:
    kept = set(nodes)
    for u, v, key, attrs in G.edges(keys=True, data=True):
        if u in kept and v in kept:
            net.add_edge(u, v, tip=edge_tip(G, u, v, key, attrs))


# ---------------------------------------------------------------- page

def _options(n_nodes: int) -> dict:
    """vis-network options: physics settles, then the page turns it off (view.js)."""
    large = n_nodes > 400
    iterations = 600 if not large else 250 if n_nodes <= 1500 else 150  # a few thousand nodes settle in ~20s
    return {
        "layout": {"improvedLayout": n_nodes <= 100, "randomSeed": 7},
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -70, "centralGravity": 0.012,
                                 "springLength": 130, "springConstant": 0.07, "avoidOverlap": 0.5},
            "minVelocity": 1,
            "stabilization": {"enabled": True, "iterations": iterations,
                              "updateInterval": 20, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "multiselect": True,
                        "hideEdgesOnDrag": large, "hideEdgesOnZoom": large},
        "nodes": {"borderWidth": 2.5, "borderWidthSelected": 4,
                  "font": {"face": "system-ui, Segoe UI, Helvetica, Arial, sans-serif", "color": "#1d2330",
                           "strokeWidth": 4, "strokeColor": "#ffffff"},
                  # Labels grow with the node: hubs stay legible when the whole graph is in view,
                  # small nodes' labels appear as you zoom in (drawThreshold, in screen pixels).
                  "scaling": {"min": 10, "max": 44,
                              "label": {"enabled": True, "min": 10, "max": 30, "drawThreshold": 7,
                                        "maxVisible": 26}}},
        "edges": {"color": {"color": "#9aa5b1", "highlight": "#1d2330", "hover": "#4a5568", "opacity": 0.55},
                  "smooth": False, "width": 1, "selectionWidth": 2, "hoverWidth": 1.5,
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
                  "scaling": {"min": 1, "max": 12}},
    }


def script_json(data) -> str:
    """JSON that is inert inside ``<script>``: no ``<``, ``>`` or ``&`` survives.

    >>> script_json({"t": "</script><!--"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _asset(path: Path | resources.abc.Traversable, closing_tag: str) -> str:
    """A script or style file to inline; refuses one that would close its own element early."""
    text = path.read_text(encoding="utf-8")
    if re.search(f"</{closing_tag}", text, re.IGNORECASE):
        raise KgError(f"{path}: cannot be inlined (contains </{closing_tag})")
    return text


def _digest(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def _render(net: Network, title: str, subtitle: str, communities: list[dict]) -> str:
    """The page: pyvis's nodes/edges as escaped JSON, vis-network and view.js inlined."""
    net.heading = title
    net.options = _options(len(net.nodes))
    nodes, edges, _, _, _, options = net.get_network_data()
    here = resources.files("kg") / "data" / "viz"
    scripts = [_asset(VIS_LIB / "vis-network.min.js", "script"), _asset(here / "view.js", "script")]
    order = list(TYPE_STYLES)
    types = sorted({str(n["kind"]) for n in nodes}, key=lambda t: (order.index(t) if t in order else len(order), t))
    legend = [(TYPE_STYLES.get(t, UNKNOWN_STYLE), t) for t in types]
    page = jinja2.Template((here / "page.html").read_text(encoding="utf-8"), autoescape=True)
    return page.render(
        title=title, subtitle=subtitle, legend=legend, scripts=[Markup(s) for s in scripts],
        styles=[Markup(_asset(VIS_LIB / "vis-network.css", "style")),
                Markup(_asset(here / "view.css", "style"))],
        script_hashes=Markup(" ".join(_digest(s) for s in scripts)),
        data=Markup(script_json(
            {"nodes": nodes, "edges": edges, "options": json.loads(options), "communities": communities})))
