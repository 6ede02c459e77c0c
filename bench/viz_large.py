"""How long the HTML views take to write and to settle in headless Chromium on a large graph.

A synthetic graph per docs/schema.md (papers using Zipf-popular methods, datasets,
tasks and metrics, and citing each other) is drawn whole, then the page is opened
from file:// and timed until physics has stopped.

Usage: .venv/bin/python bench/viz_large.py [--papers 2000] [--top 3000] [--screenshot FILE.png]
"""
from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg import viz

ENTITY_COUNTS = {"Method": 0.15, "Dataset": 0.07, "Task": 0.04, "Metric": 0.02}
EDGE_OF = {"Method": "USES", "Dataset": "EVALUATES_ON", "Task": "ADDRESSES", "Metric": "REPORTS"}


def synthetic_graph(papers: int, seed: int = 7) -> nx.MultiDiGraph:
    """Papers linked to Zipf-popular entities and to earlier papers."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    entities = {}
    for label, share in ENTITY_COUNTS.items():
        ids = [f"{label.lower()}:{label.lower()}-{i}" for i in range(max(2, int(papers * share)))]
        for i, node in enumerate(ids):
            G.add_node(node, label=label, id=node, name=f"{label} {i}", aliases=[], type=label.lower())
        entities[label] = ids
    for p in range(papers):
        node = f"paper:2401.{p:05d}"
        G.add_node(node, label="Paper", id=node, title=f"A synthetic paper number {p} about things",
                   arxiv_id=f"2401.{p:05d}", date="Jan 1", authors_count=rng.randint(1, 12), stub=False)
        for label, ids in entities.items():
            weights = [1 / (i + 1) for i in range(len(ids))]
            for target in set(rng.choices(ids, weights, k=rng.randint(0, 3))):
                G.add_edge(node, target, key=EDGE_OF[label], type=EDGE_OF[label], sentence="We use it.")
        for cited in rng.sample(range(p), k=min(p, rng.randint(0, 3))):
            G.add_edge(node, f"paper:2401.{cited:05d}", key="CITES", type="CITES", rule="s2")
    return G


def time_in_chromium(path: Path, screenshot: Path | None) -> float:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait
    profile = tempfile.mkdtemp(prefix="kg-bench-")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--no-first-run", "--disable-background-networking", "--window-size=1400,900",
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        started = time.perf_counter()
        driver.get(path.as_uri())
        WebDriverWait(driver, 900, poll_frequency=0.2).until(
            lambda d: d.execute_script("return document.body.getAttribute('data-settled')") == "true")
        seconds = time.perf_counter() - started
        if screenshot:
            driver.save_screenshot(str(screenshot))
        return seconds
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=2000)
    parser.add_argument("--top", type=int, default=3000)
    parser.add_argument("--screenshot", type=Path)
    args = parser.parse_args()
    G = synthetic_graph(args.papers)
    started = time.perf_counter()
    page = viz.overview(G, top=args.top)
    written = time.perf_counter() - started
    path = Path(tempfile.mkdtemp()) / "overview.html"
    viz.write_html(page, path)
    drawn = min(args.top, sum(1 for _, label in G.nodes(data="label") if label != "Author"))
    print(f"graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges; drawn: {drawn} nodes")
    print(f"overview written in {written:.2f}s ({len(page) // 1024} KiB)")
    print(f"settled in Chromium in {time_in_chromium(path, args.screenshot):.2f}s")


if __name__ == "__main__":
    main()
