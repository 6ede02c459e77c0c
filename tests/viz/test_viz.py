"""The HTML views as files: self-contained, escaped, and showing what the graph says."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import networkx as nx
import pytest
from hypothesis import given, strategies as st

from kg import mirror, viz
from kg.errors import UsageError

# An http(s) or protocol-relative URL in a src/href/action attribute or a CSS url().
EXTERNAL = re.compile(r"""(?:\b(?:src|href|action)\s*=\s*["']?\s*|url\(\s*["']?\s*)(?:https?:)?//""", re.IGNORECASE)


class Markup(HTMLParser):
    """Every element, attribute and piece of text of a page, plus the contents of its scripts."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes, self.text, self.scripts, self.urls = [], [], {}, [], []
        self._open = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [name for name, _ in attrs]
        self.urls += [value for name, value in attrs if name in ("src", "href", "action")]
        self._open.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        while self._open and self._open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if self._open:
            tag, attrs = self._open[-1]
            if tag == "script":
                self.scripts.append((attrs.get("type"), data))
            self.text.setdefault(attrs.get("id") or tag, []).append(data)


def page_data(page: str) -> dict:
    """The JSON the page draws from."""
    scripts = [data for kind, data in Markup(page).scripts if kind == "application/json"]
    assert len(scripts) == 1
    return json.loads(scripts[0])


VIEWS = {
    "overview": lambda G: viz.overview(G),
    "ego": lambda G: viz.ego(G, "paper:2401.00001", depth=2),
    "map": lambda G: viz.method_dataset_map(G),
}


@pytest.mark.parametrize("view", VIEWS)
def test_page_references_nothing_outside_itself(graph, view):
    page = VIEWS[view](graph)
    assert EXTERNAL.findall(page) == []
    assert [url for url in Markup(page).urls if not url.startswith("data:")] == []
    assert "default-src 'none'" in page


@pytest.mark.parametrize("view", VIEWS)
def test_input_text_never_becomes_markup(graph, hostile, view):
    page = VIEWS[view](graph)
    markup = Markup(page)
    assert "img" not in markup.tags
    assert not [a for a in markup.attributes if a.startswith("on")]
    assert markup.tags.count("script") == 3  # the data, vis-network, the view
    for text in (hostile.img_title, hostile.flag_title, hostile.script_abstract, hostile.evidence):
        assert text not in page
    assert page.lower().count("</script") == 3


def test_ego_heading_shows_a_hostile_title_as_text(graph, hostile):
    markup = Markup(viz.ego(graph, hostile.img_title))
    assert "".join(markup.text["kg-title"]) == f"Neighbourhood of {hostile.img_title}"
    assert "".join(markup.text["title"]) == f"Neighbourhood of {hostile.img_title}"


def test_tooltips_carry_links_and_evidence(graph, hostile):
    data = page_data(viz.overview(graph))
    tips = {node["id"]: node["tip"] for node in data["nodes"]}
    clip_paper = tips["paper:2103.00020"]
    assert clip_paper["heading"] == graph.nodes["paper:2103.00020"]["title"]
    assert dict(clip_paper["links"]) == {"arXiv": "https://arxiv.org/abs/2103.00020",
                                         "Hugging Face": "https://huggingface.co/papers/2103.00020",
                                         "code": "https://github.com/openai/CLIP"}
    assert ["authors", "12"] in clip_paper["rows"] and ["date", "Feb 26"] in clip_paper["rows"]
    assert all(url.startswith("https://") for _, url in tips["paper:2401.00001"]["links"])  # no javascript:
    evidence = {(e["from"], e["to"]): e["tip"]["text"] for e in data["edges"]}
    assert evidence[("paper:2103.00020", "method:clip")] == "We propose CLIP."
    assert evidence[("paper:2401.00001", "method:clip")] == hostile.evidence


def test_tooltips_from_a_directory_read_the_text_store(graph, tmp_path):
    """A graph read from a directory holds no abstracts or sentences; the tooltips fetch them by key."""
    mirror.write(graph, tmp_path)
    structure = mirror.read(tmp_path, text=False)
    assert "abstract" not in structure.nodes["paper:2103.00020"]

    def tips(data):
        return ({node["id"]: node["tip"]["text"] for node in data["nodes"]},
                {(e["from"], e["to"]): e["tip"]["text"] for e in data["edges"]})
    nodes, edges = tips(page_data(viz.overview(structure)))
    assert (nodes, edges) == tips(page_data(viz.overview(graph)))
    assert nodes["paper:2103.00020"] and edges[("paper:2103.00020", "method:clip")] == "We propose CLIP."


def test_overview_keeps_the_most_connected_and_says_so(graph):
    def non_author_neighbours(n):
        return {m for m in nx.all_neighbors(graph, n) if graph.nodes[m]["label"] != "Author"}
    ranked = sorted((n for n in graph if graph.nodes[n]["label"] != "Author"),
                    key=lambda n: (-len(non_author_neighbours(n)), n))
    page = viz.overview(graph, top=3)
    assert {n["id"] for n in page_data(page)["nodes"]} == set(ranked[:3])
    assert "3 most connected of 11" in page
    sizes = {n["id"]: n["value"] for n in page_data(page)["nodes"]}
    assert sizes["method:clip"] == len(non_author_neighbours("method:clip"))


def test_overview_sized_by_pagerank_favours_shared_targets(graph):
    sizes = {n["id"]: n["value"] for n in page_data(viz.overview(graph, size="pagerank"))["nodes"]}
    assert sizes["method:clip"] > sizes["method:resnet"]  # named by three papers against one
    by_degree = {n["id"]: n["value"] for n in page_data(viz.overview(graph))["nodes"]}
    assert sizes != by_degree


def test_communities_ring_nodes_and_fill_the_legend():
    G = nx.MultiDiGraph()
    for group in ("a", "b"):
        papers = [f"paper:{group}{i}" for i in range(4)]
        G.add_nodes_from(papers, label="Paper")
        G.add_node(f"method:{group}", label="Method", name=group.upper())
        G.add_edges_from((p, f"method:{group}", "USES") for p in papers)
    data = page_data(viz.overview(G))
    assert sorted(c["size"] for c in data["communities"]) == [5, 5]
    ring = {n["id"]: n["color"]["border"] for n in data["nodes"]}
    assert ring["paper:a0"] == ring["method:a"] != ring["method:b"] == ring["paper:b3"]
    assert {c["label"] for c in data["communities"]} == {"A", "B"}


def test_map_edges_count_papers_using_both(graph):
    data = page_data(viz.method_dataset_map(graph))
    width = {(e["from"], e["to"]): e["value"] for e in data["edges"]}
    expected = {}
    for paper in graph:
        kinds = {k: {v for _, v, key in graph.out_edges(paper, keys=True) if key in k}
                 for k in (("USES", "PROPOSES"), ("EVALUATES_ON", "INTRODUCES"))}
        for m in kinds[("USES", "PROPOSES")]:
            for d in kinds[("EVALUATES_ON", "INTRODUCES")]:
                expected[(m, d)] = expected.get((m, d), 0) + 1
    assert width == expected
    assert max(width.values()) == 2  # CLIP x ImageNet: two papers


@pytest.mark.parametrize("query, node", [
    ("method:clip", "method:clip"),
    ("contrastive LANGUAGE-image pre-training", "method:clip"),
    ("imagenet", "dataset:imagenet"),
    ("arXiv:2103.00020v2", "paper:2103.00020"),
    ("deep residual learning for image recognition", "paper:title:deep-residual-learning"),
])
def test_resolve_node_by_id_name_alias_title_or_arxiv_id(graph, query, node):
    assert viz.resolve_node(graph, query) == node


def test_resolve_node_reports_ambiguity_and_near_misses(graph):
    graph.add_node("dataset:clip", label="Dataset", name="CLIP")
    with pytest.raises(UsageError, match="matches 2 nodes .*dataset:clip, method:clip"):
        viz.resolve_node(graph, "clip")
    with pytest.raises(UsageError, match="did you mean dataset:imagenet"):
        viz.resolve_node(graph, "imagenett")


def test_ego_limit_keeps_the_nearest(graph):
    data = page_data(viz.ego(graph, "method:clip", depth=2, limit=4))
    ids = {n["id"] for n in data["nodes"]}
    assert "method:clip" in ids and len(ids) == 4
    direct = set(nx.all_neighbors(graph, "method:clip"))
    assert ids - {"method:clip"} <= direct  # three of its direct neighbours before anything two hops away


@given(st.text())
def test_script_json_is_inert_and_lossless(text):
    encoded = viz.script_json({"t": text})
    assert not set("<>&\u2028\u2029") & set(encoded)
    assert json.loads(encoded) == {"t": text}


def test_cli_writes_the_overview_and_explains_bad_nodes(run_kg, graph, tmp_path):
    mirror.write(graph, tmp_path / "g")
    out = tmp_path / "views" / "overview.html"
    result = run_kg("viz", "overview", "--graph", tmp_path / "g", "--output", out, "--top", 5)
    assert result.returncode == 0, result.stderr
    assert len(page_data(out.read_text(encoding="utf-8"))["nodes"]) == 5
    assert [p.name for p in out.parent.iterdir()] == ["overview.html"]  # no temporary file left
    result = run_kg("viz", "ego", "no such thing", "--graph", tmp_path / "g", "--output", tmp_path / "e.html")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no such thing" in result.stderr
    assert not (tmp_path / "e.html").exists()


def test_overview_and_map_leave_generic_terms_out(graph):
    G = graph.copy()
    G.add_node("metric:accuracy", kind="generic")  # real, but "accuracy" would sit in the middle by degree
    G.add_node("dataset:coco", kind="description")
    for paper in ("paper:2401.00001", "paper:2401.00002"):
        G.add_edge(paper, "metric:accuracy", key="REPORTS", type="REPORTS")
    overview_ids = {n["id"] for n in page_data(viz.overview(G))["nodes"]}
    assert "metric:accuracy" not in overview_ids and "dataset:coco" not in overview_ids
    assert {"method:clip", "dataset:imagenet"} <= overview_ids
    map_ids = {n["id"] for n in page_data(viz.method_dataset_map(G))["nodes"]}
    assert "dataset:coco" not in map_ids and "dataset:imagenet" in map_ids
