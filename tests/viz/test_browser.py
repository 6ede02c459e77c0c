"""The HTML views in real headless Chromium: offline, drawn completely, hostile text inert."""
from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from kg import viz

pytestmark = pytest.mark.browser
CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')


def requested_urls(driver) -> list[str]:
    """Every URL the page asked the network stack for since the last call (CDP Network events)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def severe_console(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def open_view(driver, path: Path, screenshot: Path | None = None) -> None:
    """Load a page from file:// and wait until its physics has settled and stopped."""
    requested_urls(driver), severe_console(driver)  # drain logs of earlier pages
    driver.get(path.as_uri())
    WebDriverWait(driver, 300).until(
        lambda d: d.execute_script("return document.body.getAttribute('data-settled')") == "true")
    if screenshot:
        driver.save_screenshot(str(screenshot))


def assert_clean(driver, drawn: int) -> None:
    """Offline, fully drawn, no console errors, physics off, no script from the data ran."""
    offline = [u for u in requested_urls(driver) if not u.startswith(("file:", "data:"))]
    assert offline == []
    assert driver.execute_script("return network.body.data.nodes.length") == drawn
    assert driver.execute_script("return Object.keys(network.body.nodes).length") == drawn
    assert driver.execute_script("return network.physics.physicsEnabled") is False
    assert severe_console(driver) == []
    assert driver.execute_script("return window.__xss") is None


def non_authors(G: nx.MultiDiGraph) -> set[str]:
    return {n for n, label in G.nodes(data="label") if label != "Author"}


def ego_nodes(G: nx.MultiDiGraph, centre: str, depth: int) -> set[str]:
    """Nodes within ``depth`` undirected hops, by a plain breadth-first walk."""
    seen, frontier = {centre}, {centre}
    for _ in range(depth):
        frontier = {m for n in frontier for m in set(G.successors(n)) | set(G.predecessors(n))} - seen
        seen |= frontier
    return seen


def co_occurring(G: nx.MultiDiGraph) -> set[str]:
    """Methods and datasets that share at least one paper."""
    found = set()
    for paper in G:
        methods = {v for _, v, k in G.out_edges(paper, keys=True) if k in ("USES", "PROPOSES")}
        datasets = {v for _, v, k in G.out_edges(paper, keys=True) if k in ("EVALUATES_ON", "INTRODUCES")}
        if methods and datasets:
            found |= methods | datasets
    return found


@pytest.mark.parametrize("view", ["overview", "ego", "map"])
def test_view_draws_every_node_offline(browser, graph, tmp_path, screenshots, view):
    page, expected = {
        "overview": (lambda: viz.overview(graph), lambda: non_authors(graph)),
        "ego": (lambda: viz.ego(graph, "clip", depth=2), lambda: ego_nodes(graph, "method:clip", 2)),
        "map": (lambda: viz.method_dataset_map(graph), lambda: co_occurring(graph)),
    }[view]
    path = tmp_path / f"{view}.html"
    viz.write_html(page(), path)
    open_view(browser, path, screenshots / f"viz-hostile-{view}.png")
    assert_clean(browser, len(expected()))
    drawn = set(browser.execute_script("return network.body.data.nodes.getIds()"))
    assert drawn == expected()


def hover(driver, node_id: str) -> str:
    """Move the real pointer onto a node; return the text of the tooltip vis-network shows."""
    x, y = driver.execute_script(
        "var p = network.canvasToDOM(network.getPosition(arguments[0]));"
        "var r = document.querySelector('#kg-graph canvas').getBoundingClientRect();"
        "return [p.x + r.left, p.y + r.top];", node_id)
    canvas = driver.find_element(By.CSS_SELECTOR, "#kg-graph canvas")
    ActionChains(driver).move_to_element_with_offset(canvas, 0, 0).perform()  # canvas centre
    rect = canvas.rect
    ActionChains(driver).move_to_element_with_offset(
        canvas, int(x - rect["x"] - rect["width"] / 2), int(y - rect["y"] - rect["height"] / 2)).perform()
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        "var t = document.querySelector('div.vis-tooltip'); return t && t.style.visibility === 'visible';"))
    return driver.execute_script("return document.querySelector('div.vis-tooltip').textContent")


def test_hostile_titles_show_as_text_without_running(browser, graph, hostile, tmp_path):
    # Without the Content-Security-Policy, so only the escaping stands between the data and the page.
    path = tmp_path / "unprotected.html"
    page = viz.overview(graph)
    viz.write_html(CSP_META.sub("", page, count=1), path)
    assert "Content-Security-Policy" not in path.read_text(encoding="utf-8")
    open_view(browser, path)
    assert_clean(browser, len(non_authors(graph)))
    assert browser.execute_script("return document.images.length") == 0
    assert hostile.img_title in hover(browser, "paper:2401.00001")
    assert hostile.flag_title in hover(browser, "paper:2401.00002")
    assert hostile.script_abstract in hover(browser, "paper:2103.00020")
    assert browser.execute_script("return window.__xss") is None


def test_pinned_details_link_only_to_web_pages(browser, graph, hostile, tmp_path):
    path = tmp_path / "overview.html"
    viz.write_html(viz.overview(graph), path)
    open_view(browser, path)
    browser.execute_script("kgView.focusNode('paper:2401.00001')")
    panel = browser.find_element(By.ID, "kg-details")
    assert hostile.img_title in panel.get_attribute("textContent")
    hrefs = [a.get_attribute("href") for a in panel.find_elements(By.TAG_NAME, "a")]
    assert hrefs == ["https://arxiv.org/abs/2401.00001", "https://huggingface.co/papers/2401.00001"]
    assert browser.execute_script("return window.__xss") is None
    assert [u for u in requested_urls(browser) if not u.startswith(("file:", "data:"))] == []


def test_edge_tooltip_carries_the_evidence_sentence(browser, graph, hostile, tmp_path):
    path = tmp_path / "overview.html"
    viz.write_html(viz.overview(graph), path)
    open_view(browser, path)
    texts = browser.execute_script(
        "return network.body.data.edges.get().map(function (e) { return e.title.textContent; })")
    assert any("We propose CLIP." in t for t in texts)
    assert any(hostile.evidence in t for t in texts)


def test_sample_views_from_the_command_line(browser, sample_graph, run_kg, tmp_path, screenshots):
    from kg import mirror
    graph_dir = tmp_path / "sample"
    mirror.write(sample_graph, graph_dir)
    methods = [n for n, label in sample_graph.nodes(data="label") if label == "Method"]
    busiest = max(methods, key=lambda n: (sample_graph.degree(n), n))
    views = {
        "overview": (["overview", "--top", 150], min(150, len(non_authors(sample_graph)))),
        "ego": (["ego", busiest], min(400, len(ego_nodes(sample_graph, busiest, 1)))),
        "map": (["map", "--top", 120], min(120, len(co_occurring(sample_graph)))),
    }
    for view, (args, drawn) in views.items():
        page = tmp_path / f"{view}.html"
        run_kg("viz", *args, "--graph", graph_dir, "--output", page, check=True)
        open_view(browser, page, screenshots / f"viz-sample-{view}.png")
        assert_clean(browser, drawn)
        assert drawn > 1, f"the sample's {view} should draw something"
