"""The mirror's text store: abstracts and evidence sentences out of graph.json.gz, read back by key.

Every check compares with the graph built in memory (``sample_graph``), which carries the text
as attributes, never with what the store itself returns.
"""
from __future__ import annotations

import gzip
import json
import random
import sqlite3

import networkx as nx
import pytest

import kg
import queries
from kg import mirror, textstore, twins


@pytest.fixture(scope="module")
def sample_dir(tmp_path_factory, sample_graph):
    out = tmp_path_factory.mktemp("store") / "graph"
    mirror.write(sample_graph, out)
    return out


def _texts(G):
    abstracts = {node: attrs["abstract"] for node, attrs in G.nodes(data=True) if "abstract" in attrs}
    sentences = {(u, v, k): attrs["sentence"] for u, v, k, attrs in G.edges(keys=True, data=True) if "sentence" in attrs}
    return abstracts, sentences


def test_graph_json_holds_no_text(sample_dir, sample_graph):
    abstracts, sentences = _texts(sample_graph)
    assert len(abstracts) > 400 and len(sentences) > 3000
    data = json.loads(gzip.decompress((sample_dir / mirror.GRAPH_FILE).read_bytes()))
    assert not any("abstract" in node for node in data["nodes"])
    assert not any("sentence" in edge for edge in data["edges"])
    assert len(data["nodes"]) == sample_graph.number_of_nodes()


def test_the_store_is_written_in_16_kb_pages_with_no_rebuild_file_left(sample_dir):
    db = sqlite3.connect(f"file:{sample_dir / mirror.STORE_FILE}?mode=ro", uri=True)
    try:
        assert db.execute("PRAGMA page_size").fetchone()[0] == textstore.PAGE_SIZE
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()
    assert [p.name for p in (sample_dir / ".generations" / "current").iterdir() if p.name.startswith(".")] == []


def test_compact_fills_the_pages_rows_out_of_key_order_left_part_empty(tmp_path):
    path = tmp_path / "t.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID")
    keys = list(range(20000))
    random.Random(1).shuffle(keys)
    with db:
        db.executemany("INSERT INTO t VALUES (?, ?)", ((f"{key:05}", "x" * 40) for key in keys))
    rows = db.execute("SELECT * FROM t ORDER BY k").fetchall()
    db.close()
    before = path.stat().st_size
    textstore.compact(path)
    db = sqlite3.connect(path)
    assert db.execute("SELECT * FROM t ORDER BY k").fetchall() == rows
    db.close()
    assert path.stat().st_size < 0.95 * before


def test_the_store_gives_back_every_text(sample_dir, sample_graph):
    G = mirror.read(sample_dir)
    without_id = {node: {k: v for k, v in attrs.items() if k != "id"} for node, attrs in sample_graph.nodes(data=True)}
    assert dict(G.nodes(data=True)) == without_id  # node-link keeps a node's id as the node, not an attribute
    assert sorted(G.edges(keys=True, data=True)) == sorted(sample_graph.edges(keys=True, data=True))


def test_sentences_of_one_paper_are_stored_once(sample_dir, sample_graph):
    _, sentences = _texts(sample_graph)
    distinct = len({(u, text) for (u, _, _), text in sentences.items()})
    with sqlite3.connect(sample_dir / mirror.STORE_FILE) as db:
        stored = db.execute("SELECT count(*) FROM sentences").fetchone()[0]
        evidence = db.execute("SELECT count(*) FROM evidence").fetchone()[0]
    assert stored == distinct < len(sentences) == evidence


def test_structure_only_reads_text_by_key(sample_dir, sample_graph):
    G = mirror.read(sample_dir, text=False)
    abstracts, sentences = _texts(sample_graph)
    assert _texts(G) == ({}, {})
    paper = min(abstracts)
    assert textstore.abstract(G, paper) == abstracts[paper]
    edge = min(sentences)
    assert textstore.sentence(G, *edge) == sentences[edge]
    author = min(node for node, label in G.nodes(data="label") if label == "Author")
    assert textstore.abstract(G, author) is None


@pytest.mark.parametrize("name", ["evidence", "proposer_of"])
def test_text_twins_read_the_store(name, sample_dir, sample_graph):
    params = queries.example_params(name)
    expected = twins.run(sample_graph, name, params)
    column = {"evidence": "sentence", "proposer_of": "evidence"}[name]
    assert expected and all(row[column] for row in expected)
    assert twins.run(mirror.read(sample_dir, text=False), name, params) == expected


def test_to_networkx_is_whole_by_default_and_structure_on_request(sample_dir, sample_graph):
    g = kg.open(sample_dir)
    assert _texts(g.to_networkx(text=False)) == ({}, {})
    G = g.to_networkx()
    assert isinstance(G, nx.MultiDiGraph) and G is g.to_networkx(text=False)
    assert _texts(G) == _texts(sample_graph)


def test_a_rewrite_of_a_structure_only_graph_keeps_the_text(sample_dir, sample_graph, tmp_path):
    """What `kg enrich` does: read the structure, add a citation, write the next generation."""
    G = mirror.read(sample_dir, text=False)
    papers = sorted(node for node, label in G.nodes(data="label") if label == "Paper")
    G.add_edge(papers[0], papers[1], key="CITES", type="CITES", rule="test")
    mirror.write(G, sample_dir)
    again = mirror.read(sample_dir)
    assert _texts(again) == _texts(sample_graph)
    assert again.has_edge(papers[0], papers[1], "CITES")
    assert len(list((sample_dir / mirror.GENERATIONS_DIR).glob("gen-*"))) == 1


def test_exports_carry_the_text(sample_dir, sample_graph, tmp_path, run_kg):
    result = run_kg("export", sample_dir, "--graphml", tmp_path / "g.graphml", "--node-link", tmp_path / "g.json",
                    check=True)
    assert "g.graphml" in result.stdout
    abstracts, sentences = _texts(sample_graph)
    linked = nx.node_link_graph(json.loads((tmp_path / "g.json").read_text(encoding="utf-8")),
                                directed=True, multigraph=True, edges="edges")
    graphml = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    for H in (linked, graphml):
        assert {n: a["abstract"] for n, a in H.nodes(data=True) if "abstract" in a} == abstracts
        assert {(u, v, k): a["sentence"] for u, v, k, a in H.edges(keys=True, data=True) if "sentence" in a} == sentences


def test_export_without_a_format_is_a_usage_error(sample_dir, run_kg):
    result = run_kg("export", sample_dir)
    assert result.returncode == 2 and "--graphml" in result.stderr and "Traceback" not in result.stderr


def test_graphml_is_left_out_above_the_size(sample_graph, tmp_path, monkeypatch):
    mirror.write(sample_graph, tmp_path)
    assert (tmp_path / mirror.GRAPHML_FILE).is_file()
    monkeypatch.setattr(mirror, "GRAPHML_MAX_ITEMS", sample_graph.number_of_nodes())
    mirror.write(sample_graph, tmp_path)
    assert not (tmp_path / mirror.GRAPHML_FILE).exists() and not (tmp_path / mirror.GRAPHML_FILE).is_symlink()
    mirror.write(sample_graph, tmp_path, graphml=True)
    assert nx.read_graphml(tmp_path / mirror.GRAPHML_FILE).number_of_nodes() == sample_graph.number_of_nodes()


def test_a_damaged_store_is_one_clear_error(sample_dir, tmp_path):
    (tmp_path / mirror.GRAPH_FILE).write_bytes((sample_dir / mirror.GRAPH_FILE).read_bytes())
    (tmp_path / mirror.STORE_FILE).write_bytes(b"not a database" * 100)
    with pytest.raises(kg.errors.KgError, match="text.sqlite: unreadable text store"):
        mirror.read(tmp_path)


def test_an_opened_directory_ranks_from_the_store_until_the_graph_is_handed_out(sample_graph, tmp_path):
    mirror.write(sample_graph, tmp_path)
    g = kg.open(tmp_path)
    params = {"type": "method", "n": 3, "kind": "names"}
    first = g.query("top_entities", **params)
    assert g.backend.store is not None and first == twins.run(sample_graph, "top_entities", params)
    G = g.to_networkx(text=False)
    top = first[0]["id"]
    G.add_node("paper:new", label="Paper", title="New")
    G.add_edge("paper:new", top, key="USES", type="USES")
    assert g.query("top_entities", **params)[0] == {**first[0], "papers": first[0]["papers"] + 1}
