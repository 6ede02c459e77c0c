"""`kg cypher` runs the user's own Cypher read-only: the server refuses writes, nothing changes."""
from __future__ import annotations

import json

import pytest

from kg.backends import Neo4jBackend
from kg.commands.cypher import WriteRefused, run_read_only

pytestmark = pytest.mark.neo4j

WRITES = ["CREATE (:Paper {id: 'paper:intruder', title: 'x'})",
          "MATCH (n) DETACH DELETE n",
          "MATCH (m:Method) SET m.name = 'renamed'"]


@pytest.fixture(scope="module")
def loaded(neo4j_driver, small_graph):
    from loaders.neo4j_writer import load_graph
    load_graph(small_graph, neo4j_driver, wipe=True)
    return Neo4jBackend(neo4j_driver)


@pytest.mark.parametrize("statement", WRITES)
def test_writes_are_refused_and_nothing_changes(loaded, neo4j_driver, statement):
    before = loaded.to_networkx()
    with pytest.raises(WriteRefused):
        run_read_only(neo4j_driver, statement, {})
    after = loaded.to_networkx()
    assert dict(after.nodes(data=True)) == dict(before.nodes(data=True))
    assert after.number_of_edges() == before.number_of_edges()


def test_reads_return_plain_rows(loaded, neo4j_driver, small_graph):
    rows = run_read_only(neo4j_driver, "MATCH (p:Paper {key: $key}) RETURN p.published AS published, p.year AS year",
                         {"key": "2401.00001"})
    assert rows == [{"published": small_graph.nodes["paper:2401.00001"]["published"], "year": 2024}]


def test_cli_refuses_a_write_with_its_own_exit_code(loaded, run_kg):
    result = run_kg("cypher", WRITES[0])
    assert result.returncode == WriteRefused.exit_code
    assert len(result.stderr.strip().splitlines()) == 1 and "read-only" in result.stderr
    assert loaded.counts()["nodes"]["Paper"] == 6


def test_cli_reads_with_params(loaded, run_kg, small_graph):
    result = run_kg("cypher", "MATCH (m:Method) WHERE m.name <> $skip RETURN m.name AS name ORDER BY name",
                    "--param", "skip=SoftPrompt", "--format", "json", check=True)
    expected = sorted(a["name"] for _, a in small_graph.nodes(data=True)
                      if a["label"] == "Method" and a["name"] != "SoftPrompt")
    assert [row["name"] for row in json.loads(result.stdout)] == expected


def test_kg_query_on_neo4j_gives_the_mirror_rows(loaded, run_kg, small_graph):
    from kg.api import KnowledgeGraph
    result = run_kg("query", "datasets_for_method", "--param", "method=clip", "--backend", "neo4j",
                    "--format", "json", check=True)
    assert json.loads(result.stdout) == KnowledgeGraph(small_graph).datasets_for_method("clip") != []


def test_open_by_uri_answers_like_the_mirror(loaded, small_graph):
    import kg
    from kg import db
    from kg.api import KnowledgeGraph
    g = kg.open(db.settings()["uri"])
    try:
        assert g.counts() == KnowledgeGraph(small_graph).counts()
        assert g.proposer_of("lora") == KnowledgeGraph(small_graph).proposer_of("lora") != []
    finally:
        g.backend.driver.close()
