"""Hostile text is data, never code: Cypher injection, read-only `kg cypher`, escaped HTML, no leaked password."""
from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import kg
import queries
from kg import db, mirror

KG = str(Path(sys.executable).with_name("kg"))
CYPHER_DIR = Path(__file__).with_name("cypher")
INJECTIONS = ['x"}) MATCH (n) DETACH DELETE n //', "' OR 1=1 //", "x'}) MATCH (n) DETACH DELETE n //",
              "`) DETACH DELETE n //", "\\u0000 and \x00 nul", "}]->(x) DELETE x //", "$password {rows}"]


def _kg(*args, env=None, cwd=None, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run([KG, *map(str, args)], capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout)


@pytest.fixture
def hostile_dir(tmp_path, schema_graph, hostile_texts) -> Path:
    directory = tmp_path / "hostile"
    mirror.write(schema_graph(0, 40, titles=INJECTIONS + list(hostile_texts.values())), directory)
    return directory


@pytest.mark.neo4j
def test_injection_strings_round_trip_and_change_nothing_else(hostile_dir, empty_neo4j, neo4j_state, kg_env):
    result = _kg("load", hostile_dir, "--quiet", env=kg_env())
    assert result.returncode == 0, result.stderr
    G = mirror.read(hostile_dir)
    counts, triples = neo4j_state(empty_neo4j)
    assert counts == mirror.counts(G)
    assert triples == sorted((u, k, v) for u, v, k in G.edges(keys=True))
    stored = {row["id"]: row["properties"] for row in db.read_rows(empty_neo4j, queries.load("internal/read_nodes"))}
    for node, attrs in G.nodes(data=True):
        for name in ("title", "name", "abstract"):
            if name in attrs:
                assert stored[node][name] == attrs[name], (node, name)
    graph = kg.open(db.settings()["uri"])
    for value in INJECTIONS:
        if "\x00" in value:  # argv cannot carry a NUL byte: the Python API takes it
            rows = graph.papers_using(value, n=1000)
        else:
            result = _kg("query", "papers_using_method", "--backend", "neo4j", "--param", f"method={value}",
                         "--format", "json", env=kg_env())
            assert result.returncode == 0, result.stderr
            rows = json.loads(result.stdout)
        expected = sorted(u for u, v, k in G.edges(keys=True) if k == "USES" and G.nodes[v]["name"] == value)
        assert sorted(row["paper"] for row in rows) == expected and expected
        assert all(row["title"] == G.nodes[row["paper"]]["title"] for row in rows)
        assert neo4j_state(empty_neo4j) == (counts, triples), f"{value!r} changed the database"


@pytest.mark.neo4j
def test_hostile_records_built_and_loaded_keep_their_titles(tmp_path, hostile_records, write_jsonl, empty_neo4j,
                                                            kg_env):
    path = write_jsonl(tmp_path / "hostile.jsonl",
                       hostile_records + [{"id": f"inj-{i}", "title": t} for i, t in enumerate(INJECTIONS)])
    out = tmp_path / "out"
    result = _kg("build", path, "--out", out, "--workers", 1, "--neo4j", "--quiet", env=kg_env())
    assert result.returncode == 0, result.stderr
    G = mirror.read(out)
    assert db.graph_counts(empty_neo4j) == mirror.counts(G)
    stored = {row["id"]: row["properties"].get("title")
              for row in db.read_rows(empty_neo4j, queries.load("internal/read_nodes"))}
    titles = {node: attrs["title"] for node, attrs in G.nodes(data=True) if attrs["label"] == "Paper"}
    assert titles and all(stored[node] == title for node, title in titles.items())
    assert {"' OR 1=1 //", 'x"}) MATCH (n) DETACH DELETE n //'} <= set(titles.values())


WRITES = ["CREATE (n:Injected {id: 'x'})", "MATCH (n) DETACH DELETE n", "MERGE (n:Injected {id: 'y'})",
          "MATCH (p:Paper) SET p.title = 'pwned'", "MATCH (p:Paper) REMOVE p.title",
          "CALL { CREATE (n:Injected {id: 'z'}) } IN TRANSACTIONS",
          "UNWIND range(1, 3) AS i CALL { WITH i CREATE (:Injected {id: i}) } IN TRANSACTIONS OF 1 ROW",
          "CREATE INDEX injected FOR (n:Injected) ON (n.id)", "MATCH (p:Paper) WITH p LIMIT 1 DELETE p"]


@pytest.mark.neo4j
def test_kg_cypher_refuses_every_write(hostile_dir, empty_neo4j, neo4j_state, kg_env):
    assert _kg("load", hostile_dir, "--quiet", env=kg_env()).returncode == 0
    before = neo4j_state(empty_neo4j)
    for statement in WRITES:
        result = _kg("cypher", statement, env=kg_env())
        assert result.returncode != 0, f"{statement!r} was accepted"
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
        assert neo4j_state(empty_neo4j) == before, f"{statement!r} changed the database"
    read = _kg("cypher", "MATCH (p:Paper) RETURN count(p) AS n", "--format", "json", env=kg_env())
    assert read.returncode == 0 and json.loads(read.stdout) == [{"n": before[0]["nodes"]["Paper"]}]


def _script_and_handler_counts(html: str) -> tuple[int, int]:
    """Script elements and tags carrying an onerror handler (escaped text inside data does not count)."""
    return len(re.findall(r"<script", html, re.I)), len(re.findall(r"<[a-z][^<>]*\sonerror\s*=", html, re.I))


def test_html_views_escape_hostile_text(tmp_path, schema_graph, hostile_texts):
    """The hostile page has exactly the script tags and handlers of a benign page of the same shape."""
    pages = {}
    for name, titles in (("benign", None), ("hostile", INJECTIONS + list(hostile_texts.values()))):
        directory = tmp_path / name
        mirror.write(schema_graph(0, 40, titles=titles), directory)
        for view in (["overview"], ["map"], ["ego", "paper:2401.00003"]):
            page = tmp_path / f"{name}-{view[0]}.html"
            result = _kg("viz", view[0], *view[1:], "--graph", directory, "--output", page)
            assert result.returncode == 0, result.stderr
            pages[name, view[0]] = page.read_text(encoding="utf-8")
    for view in ("overview", "map", "ego"):
        hostile = pages["hostile", view]
        assert _script_and_handler_counts(hostile) == _script_and_handler_counts(pages["benign", view]), view
        for text in (hostile_texts["html_script"], hostile_texts["html_img"]):
            assert text not in hostile, f"unescaped {text!r} in the {view} view"


SECRET = "Reliability-Secret-5c1d-NOT-LOGGED"
USER = "kg_reliability"


@pytest.fixture
def secret_user(neo4j_driver):
    neo4j_driver.execute_query((CYPHER_DIR / "create_user.cypher").read_text(), name=USER, password=SECRET,
                               database_="system")
    yield USER
    neo4j_driver.execute_query((CYPHER_DIR / "drop_user.cypher").read_text(), name=USER, database_="system")


@pytest.mark.neo4j
def test_the_password_appears_in_no_output_and_no_written_file(tmp_path, secret_user, empty_neo4j, kg_env,
                                                               hostile_records, write_jsonl):
    env = kg_env(NEO4J_USERNAME=secret_user, NEO4J_PASSWORD=SECRET)
    path = write_jsonl(tmp_path / "papers.jsonl", hostile_records)
    out = tmp_path / "out"
    runs = [("build", path, "--out", out, "--workers", 1, "--neo4j"), ("load", out), ("info", out),
            ("info", "--neo4j", "--json"), ("query", "top_entities", "--backend", "neo4j"),
            ("query", "top_entities", "--graph", out, "--format", "csv"),
            ("cypher", "RETURN $x AS x", "--param", "x=1"), ("viz", "overview", "--neo4j", "--output", out / "v.html"),
            ("load", tmp_path / "missing"), ("cypher", "CREATE (n)")]
    for args in runs:
        result = _kg(*args, env=env, cwd=tmp_path)
        assert SECRET not in result.stdout + result.stderr, args
        if args[0] != "load" or args[1] == out:
            assert args[-1] == "CREATE (n)" or result.returncode == 0, (args, result.stderr)
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name == "graph.json.gz" for p in written)
    for file in written:
        data = gzip.decompress(file.read_bytes()) if file.suffix == ".gz" else file.read_bytes()
        assert SECRET.encode() not in data, f"{file} holds the password"
