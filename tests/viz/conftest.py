"""Fixtures of the HTML view tests: a hand-made hostile graph and headless Chromium."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from types import SimpleNamespace

import networkx as nx
import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO_ROOT / "test-output"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--no-first-run", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--window-size=1400,900"]
HOSTILE = SimpleNamespace(
    img_title="<img src=x onerror=alert(1)>",
    flag_title="<img src=x onerror=window.__xss=1>",
    script_abstract="We propose CLIP. </script><script>window.__xss=2</script><!-- and evaluate on ImageNet.",
    evidence="<img src=x onerror=window.__xss=4>",
)


def hostile_graph() -> nx.MultiDiGraph:
    """A small graph per docs/schema.md whose input text tries to run script everywhere."""
    G = nx.MultiDiGraph()

    def node(node_id, label, **props):
        G.add_node(node_id, label=label, id=node_id, **props)

    def edge(u, v, kind, **props):
        G.add_edge(u, v, key=kind, type=kind, **props)

    node("paper:2103.00020", "Paper", key="2103.00020", arxiv_id="2103.00020", date="Feb 26",
         title="Learning Transferable Visual Models From Natural Language Supervision",
         abstract=HOSTILE.script_abstract, authors_count=12, code_url="https://github.com/openai/CLIP", stub=False)
    node("paper:2401.00001", "Paper", key="2401.00001", arxiv_id="2401.00001", title=HOSTILE.img_title,
         abstract="<script>window.__xss=3</script>", code_url="javascript:window.__xss=5", stub=False)
    node("paper:2401.00002", "Paper", key="2401.00002", arxiv_id="2401.00002", title=HOSTILE.flag_title, stub=False)
    node("paper:title:deep-residual-learning", "Paper", key="title:deep-residual-learning",
         title="Deep Residual Learning for Image Recognition", stub=True)
    node("method:clip", "Method", name="CLIP", type="method",
         aliases=["CLIP", "Contrastive Language-Image Pre-training"])
    node("method:resnet", "Method", name="ResNet", type="method", aliases=["ResNet"])
    node("dataset:imagenet", "Dataset", name="ImageNet", type="dataset", aliases=["ImageNet"])
    node("dataset:coco", "Dataset", name="COCO</script><script>window.__xss=6</script>", type="dataset",
         aliases=[])
    node("task:zero-shot-classification", "Task", name="zero-shot classification", type="task", aliases=[])
    node("metric:accuracy", "Metric", name="accuracy", type="metric", aliases=[])
    node("repository:github.com/openai/clip", "Repository", name="https://github.com/openai/CLIP",
         host="github", type="repository", aliases=[])
    node("author:alec-radford", "Author", name="Alec Radford")
    edge("paper:2103.00020", "method:clip", "PROPOSES", field="abstract", start=11, end=15,
         sentence_index=0, sentence="We propose CLIP.", rule="propose-verb", mentions=2)
    edge("paper:2103.00020", "dataset:imagenet", "EVALUATES_ON", sentence="We evaluate on ImageNet.")
    edge("paper:2103.00020", "task:zero-shot-classification", "ADDRESSES")
    edge("paper:2103.00020", "metric:accuracy", "REPORTS")
    edge("paper:2103.00020", "repository:github.com/openai/clip", "HAS_CODE")
    edge("paper:2103.00020", "paper:title:deep-residual-learning", "CITES", rule="s2", mentions=1)
    edge("paper:2401.00001", "method:clip", "USES", sentence=HOSTILE.evidence)
    edge("paper:2401.00001", "dataset:coco", "EVALUATES_ON")
    edge("paper:2401.00002", "method:resnet", "USES")
    edge("paper:2401.00002", "dataset:imagenet", "EVALUATES_ON")
    edge("paper:2401.00002", "method:clip", "USES")
    edge("author:alec-radford", "paper:2103.00020", "AUTHORED", position=0)
    return G


@pytest.fixture(scope="session")
def hostile() -> SimpleNamespace:
    """The hostile strings the graph carries, to look for as literal text."""
    return HOSTILE


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return hostile_graph()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium with performance (network) and browser (console) logs."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("Debian chromium + chromium-driver are not installed (scripts/test.sh installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS + [f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(120)
    driver.get("about:blank")  # leave the start page (chrome:// new tab) before any test reads the logs
    driver.get_log("performance")
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)

