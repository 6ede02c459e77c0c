"""`kg add`: a graph directory plus new inputs equals a full build of all of them; only new papers are extracted."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

import kg
from kg import mirror


def _graph(directory) -> tuple[dict, set]:
    """Nodes with their attributes and relationships with keys and attributes, comparable as values."""
    G = mirror.read(directory)
    edges = {(u, v, key, repr(sorted(attrs.items()))) for u, v, key, attrs in G.edges(keys=True, data=True)}
    return dict(G.nodes(data=True)), edges


def _extracted(stdout: str) -> tuple[int, int]:
    match = re.search(r"Extracted (\d+) of (\d+) papers", stdout)
    assert match, stdout
    return int(match[1]), int(match[2])


@pytest.fixture(scope="module")
def full_build(tmp_path_factory, run_kg, seed_paths) -> Path:
    out = tmp_path_factory.mktemp("full") / "graph"
    run_kg("build", *seed_paths, "--out", out, "--workers", 1, check=True)
    return out


@pytest.fixture
def four_pages(tmp_path, run_kg, seed_paths) -> Path:
    out = tmp_path / "graph"
    run_kg("build", *seed_paths[:4], "--out", out, "--workers", 1, check=True)
    return out


def test_adding_the_fifth_page_equals_a_full_build(four_pages, full_build, run_kg, seed_paths):
    before = len([n for n, a in mirror.read(four_pages).nodes(data=True) if a["label"] == "Paper"])
    result = run_kg("add", seed_paths[4], "--graph", four_pages, "--workers", 1, check=True)
    extracted, papers = _extracted(result.stdout)
    assert extracted == papers - before > 0  # the new papers only
    assert _graph(four_pages) == _graph(full_build)
    assert (four_pages / "mentions.jsonl.gz").read_bytes() == (full_build / "mentions.jsonl.gz").read_bytes()


def test_adding_a_page_the_graph_has_changes_nothing(four_pages, run_kg, seed_paths):
    graph_json = (four_pages / "graph.json.gz").read_bytes()
    result = run_kg("add", seed_paths[3], "--graph", four_pages, "--workers", 1, check=True)
    assert _extracted(result.stdout)[0] == 0
    assert (four_pages / "graph.json.gz").read_bytes() == graph_json


def test_a_copy_of_an_input_at_another_path_adds_no_paper(four_pages, run_kg, seed_paths, tmp_path):
    copy = tmp_path / "copy.txt"
    shutil.copy(seed_paths[0], copy)
    graph_json = (four_pages / "graph.json.gz").read_bytes()
    result = run_kg("add", copy, "--graph", four_pages, "--workers", 1, check=True)
    assert _extracted(result.stdout)[0] == 0
    assert (four_pages / "graph.json.gz").read_bytes() == graph_json


def test_bad_input_is_one_line_and_leaves_the_graph_whole(four_pages, run_kg, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "title": "Fine", "abstract": "We use CLIP."}\n{not json\n')
    graph_json = (four_pages / "graph.json.gz").read_bytes()
    result = run_kg("add", bad, "--graph", four_pages)
    assert result.returncode == 3
    assert result.stderr.strip().splitlines() == [result.stderr.strip()] and f"{bad}:2" in result.stderr
    assert "Traceback" not in result.stderr
    assert (four_pages / "graph.json.gz").read_bytes() == graph_json


def test_an_earlier_input_that_is_gone_is_named(tmp_path, run_kg, seed_paths):
    moved = tmp_path / "page.txt"
    shutil.copy(seed_paths[0], moved)
    out = tmp_path / "graph"
    run_kg("build", moved, "--out", out, "--workers", 1, check=True)
    moved.unlink()
    result = run_kg("add", seed_paths[1], "--graph", out)
    assert result.returncode == 3 and f"{moved}: an input of" in result.stderr


def test_the_api_adds_and_answers_from_the_new_graph(four_pages, full_build, seed_paths):
    g = kg.open(four_pages)
    report = g.add([seed_paths[4]])
    assert report.extracted > 0
    assert g.counts() == kg.open(full_build).counts()
    assert g.top_methods(n=5) == kg.open(full_build).top_methods(n=5)


def test_an_enriched_graph_is_refused_not_stripped_of_its_citations(four_pages, run_kg, seed_paths):
    manifest = four_pages / "manifest.json"
    data = json.loads(manifest.read_text())
    data["enrichments"] = [{"source": "s2", "citations": True}]
    target = manifest.resolve()
    target.write_text(json.dumps(data))
    graph_json = (four_pages / "graph.json.gz").read_bytes()
    result = run_kg("add", seed_paths[4], "--graph", four_pages)
    assert result.returncode == 2 and "kg enrich" in result.stderr
    assert (four_pages / "graph.json.gz").read_bytes() == graph_json
