"""End-to-end: `kg build` on the shipped sample, `kg info`, the mirror files, the Python API."""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import networkx as nx
import pytest

import kg
from kg import mirror


@pytest.fixture(scope="module")
def built_dir(tmp_path_factory, run_kg, sample_paths) -> Path:
    out = tmp_path_factory.mktemp("sample") / "graph"
    run_kg("build", *sample_paths, "--out", out, "--workers", 1, check=True)
    return out


def test_sample_merges_into_443_seed_papers_and_1014_from_semantic_scholar(built_dir, run_kg):
    result = run_kg("info", built_dir, "--json", check=True)
    counts = json.loads(result.stdout)
    assert set(counts) == {"nodes", "edges"}
    # Turing's paper, its 14 references and 999 citing papers (two of the 1,000 listed are one).
    assert counts["nodes"]["Paper"] == 443 + 1 + 14 + 999
    assert counts["edges"]["CITES"] == 14 + 999 and counts["edges"]["AUTHORED"] > 1000
    assert not any(a["stub"] for _, a in mirror.read(built_dir).nodes(data=True) if a["label"] == "Paper")
    assert all(re.fullmatch(r"[A-Z][A-Za-z]*", label) for label in counts["nodes"])
    assert all(re.fullmatch(r"[A-Z]+(_[A-Z]+)*", edge_type) for edge_type in counts["edges"])
    # The sample names methods, datasets and code links: extraction ran.
    for label in ("Method", "Dataset", "Task", "Repository"):
        assert counts["nodes"].get(label, 0) > 0, label


def test_mirror_files_agree(built_dir):
    G = mirror.read(built_dir)
    graphml = nx.read_graphml(built_dir / "graph.graphml")
    assert graphml.number_of_nodes() == G.number_of_nodes()
    assert graphml.number_of_edges() == G.number_of_edges()
    manifest = json.loads((built_dir / "manifest.json").read_text())
    assert manifest["counts"] == mirror.counts(G)
    lines = gzip.decompress((built_dir / "mentions.jsonl.gz").read_bytes()).decode().splitlines()
    papers = [n for n, a in G.nodes(data=True) if a["label"] == "Paper" and not a["stub"]]
    assert len(lines) == len(papers)


def test_every_extracted_edge_carries_evidence(built_dir):
    G = mirror.read(built_dir)
    extracted = [(u, v, a) for u, v, k, a in G.edges(keys=True, data=True) if k not in ("CITES", "AUTHORED")]
    assert extracted
    for paper, _, attrs in extracted:
        text = G.nodes[paper][attrs["field"]]
        assert 0 <= attrs["start"] < attrs["end"] <= len(text)
        assert text[attrs["start"]:attrs["end"]] in attrs["sentence"]
        assert attrs["rule"] and attrs["mentions"] >= 1


def test_building_twice_gives_the_same_graph(built_dir, tmp_path, run_kg, sample_paths):
    run_kg("build", *sample_paths, "--out", tmp_path, "--workers", 1, check=True)
    assert (tmp_path / "graph.json.gz").read_bytes() == (built_dir / "graph.json.gz").read_bytes()


def test_python_api_matches_cli(built_dir, sample_graph):
    assert mirror.counts(sample_graph) == json.loads((built_dir / "manifest.json").read_text())["counts"]
    assert kg.open(built_dir).counts() == mirror.counts(sample_graph)


def test_bad_record_stops_without_touching_previous_graph(tmp_path, run_kg):
    good = {"id": "p1", "title": "A Paper", "abstract": "We use BERT."}
    source = tmp_path / "papers.jsonl"
    source.write_text(json.dumps(good) + "\n")
    out = tmp_path / "graph"
    run_kg("build", source, "--out", out, check=True)
    before = (out / "graph.json.gz").read_bytes()

    source.write_text(json.dumps({**good, "id": "p2", "title": "B"}) + "\n{broken\n")
    result = run_kg("build", source, "--out", out)
    assert result.returncode == 3
    assert re.search(rf"{re.escape(str(source))}:2: ", result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1
    assert (out / "graph.json.gz").read_bytes() == before

    result = run_kg("build", source, "--out", out, "--skip-bad")
    assert result.returncode == 0, result.stderr
    assert ":2:" in result.stderr
    assert kg.open(out).counts()["nodes"]["Paper"] == 1


def test_missing_graph_directory_is_one_clear_line(tmp_path, run_kg):
    result = run_kg("info", tmp_path / "nowhere")
    assert result.returncode == 1
    assert "nowhere" in result.stderr and "kg build" in result.stderr


def test_every_verb_has_help(run_kg):
    from kg.cli import VERBS
    for verb in VERBS:
        result = run_kg(verb, "--help")
        assert result.returncode == 0, f"kg {verb} --help: {result.stderr}"
        assert "usage: kg " + verb in result.stdout


def test_suite_runs_the_installed_package(repo_root):
    import os

    import loaders
    import queries
    if os.environ.get("KG_TEST_INSTALLED") != "1":
        pytest.skip("only meaningful under scripts/test.sh, which installs the package")
    for module in (kg, loaders, queries):
        package_dir = Path(module.__file__).resolve().parent
        assert package_dir != repo_root / module.__name__, f"{module.__file__} is the source tree"
        assert "site-packages" in package_dir.parts, module.__file__
    assert queries.names(), "named .cypher files must ship as package data"


@pytest.mark.parametrize("chunk", [7, 4096])
def test_mirror_read_parses_item_by_item_across_chunk_boundaries(built_dir, monkeypatch, chunk):
    """graph.json.gz read one node or edge at a time, in chunks that split items, is the graph json.load gives."""
    monkeypatch.setattr(mirror._JsonStream, "CHUNK", chunk)
    G = mirror.read(built_dir, text=False)  # graph.json.gz alone; the text is in text.sqlite
    expected = nx.node_link_graph(json.loads(gzip.decompress((built_dir / "graph.json.gz").read_bytes())),
                                  directed=True, multigraph=True, edges="edges")
    assert list(G.nodes(data=True)) == list(expected.nodes(data=True))
    assert list(G.edges(keys=True, data=True)) == list(expected.edges(keys=True, data=True))
    assert G.number_of_edges() > 1000


def test_a_directory_written_before_the_graph_file_was_compressed_reads_the_same(built_dir, tmp_path):
    (tmp_path / "graph.json").write_bytes(gzip.decompress((built_dir / "graph.json.gz").read_bytes()))
    old, new = mirror.read(tmp_path), mirror.read(built_dir, text=False)
    assert list(old.edges(keys=True, data=True)) == list(new.edges(keys=True, data=True))
    assert list(old.nodes(data=True)) == list(new.nodes(data=True)) and old.number_of_edges() > 1000


@pytest.mark.parametrize("damage", ["truncate", "garble", "plain truncate"])
def test_damaged_graph_file_is_one_clear_error(built_dir, tmp_path, damage):
    packed = (built_dir / "graph.json.gz").read_bytes()
    text = gzip.decompress(packed).decode()
    if damage == "truncate":
        (tmp_path / "graph.json.gz").write_bytes(packed[: len(packed) // 2])
    elif damage == "garble":
        (tmp_path / "graph.json.gz").write_bytes(gzip.compress(text.replace('"edges": [', '"edges": [{"source": ', 1)
                                                               .encode()))
    else:  # a directory written before the graph file was compressed
        (tmp_path / "graph.json").write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(kg.errors.KgError, match=r"graph\.json(\.gz)?: unreadable graph file"):
        mirror.read(tmp_path)
