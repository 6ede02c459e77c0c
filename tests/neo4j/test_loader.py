"""The loader writes exactly the mirror into the real Neo4j: counts, triples, typed properties, idempotence,
re-extraction cleanup, schema, and the CLI's error exit codes."""
from __future__ import annotations

import json

import networkx as nx
import neo4j.time
import pytest

import queries
from kg import db, mirror, twins
from kg.backends import Neo4jBackend
from kg.build import build_graph
from kg.model import EXTRACTED_EDGE_TYPES
from loaders.neo4j_writer import LABELS, load_graph, wipe_database

pytestmark = pytest.mark.neo4j


def triples(driver) -> set[tuple[str, str, str]]:
    rows = db.read_rows(driver, queries.load("internal/read_relationships"))
    return {(row["source"], row["type"], row["target"]) for row in rows}


def mirror_triples(G: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return {(source, rel_type, target) for source, target, rel_type in G.edges(keys=True)}


def test_load_equals_mirror(sample_graph, empty_neo4j):
    sent = load_graph(sample_graph, empty_neo4j, batch_size=500)
    assert (sent["nodes"], sent["relationships"]) == (sample_graph.number_of_nodes(), sample_graph.number_of_edges())
    assert db.graph_counts(empty_neo4j) == mirror.counts(sample_graph)
    assert triples(empty_neo4j) == mirror_triples(sample_graph)


def test_second_load_changes_nothing(sample_graph, empty_neo4j):
    load_graph(sample_graph, empty_neo4j)
    before = Neo4jBackend(empty_neo4j).to_networkx()
    again = load_graph(sample_graph, empty_neo4j, batch_size=7)
    after = Neo4jBackend(empty_neo4j).to_networkx()
    assert (again["stale_relationships_deleted"], again["orphans_deleted"]) == (0, 0)
    assert dict(after.nodes(data=True)) == dict(before.nodes(data=True))
    assert sorted(after.edges(keys=True, data=True)) == sorted(before.edges(keys=True, data=True))


def _reextracted(G: nx.MultiDiGraph) -> tuple[nx.MultiDiGraph, tuple[str, str, str], str]:
    """A copy of ``G`` where one paper lost an edge to an entity only it mentioned and gained a new entity."""
    H = G.copy()
    source, target, rel_type = next((s, t, k) for s, t, k in G.edges(keys=True)
                                    if k in EXTRACTED_EDGE_TYPES and G.in_degree(t) == 1 and G.out_degree(t) == 0)
    H.remove_node(target)
    H.add_node("method:a-brand-new-method", label="Method", name="a brand new method", type="method")
    H.add_edge(source, "method:a-brand-new-method", key="USES", type="USES", field="abstract", start=0, end=5,
               sentence_index=0, sentence="new", rule="test", mentions=1)
    return H, (source, rel_type, target), target


def test_reextraction_replaces_stale_edges_and_drops_orphans(sample_graph, empty_neo4j):
    load_graph(sample_graph, empty_neo4j)
    H, stale_edge, orphan = _reextracted(sample_graph)
    result = load_graph(H, empty_neo4j)
    assert (result["stale_relationships_deleted"], result["orphans_deleted"]) == (1, 1)
    found = triples(empty_neo4j)
    assert stale_edge not in found
    assert found == mirror_triples(H)
    assert db.graph_counts(empty_neo4j) == mirror.counts(H)
    ids = {row["id"] for row in db.read_rows(empty_neo4j, queries.load("internal/read_nodes"))}
    assert orphan not in ids and "method:a-brand-new-method" in ids


def test_properties_keep_their_types(sample_graph, empty_neo4j):
    load_graph(sample_graph, empty_neo4j)
    records, _, _ = empty_neo4j.execute_query(queries.load("internal/read_nodes"))
    stored = {record["id"]: record["properties"] for record in records}
    dated = [node for node, attrs in sample_graph.nodes(data=True) if "published" in attrs]
    assert dated, "the sample has papers with a publication date"
    for node in dated:
        attrs, props = sample_graph.nodes[node], stored[node]
        assert isinstance(props["published"], neo4j.time.Date)
        assert props["published"].iso_format() == attrs["published"]
        assert type(props["year"]) is int and props["year"] == attrs["year"]
        assert props["stub"] is attrs["stub"] and props["sources"] == attrs["sources"]
    edge = next(attrs for *_, attrs in sample_graph.edges(data=True) if attrs["type"] in EXTRACTED_EDGE_TYPES)
    assert isinstance(edge["start"], int)
    read_back = Neo4jBackend(empty_neo4j).to_networkx()
    assert read_back.nodes[dated[0]]["published"] == sample_graph.nodes[dated[0]]["published"]


def test_schema_constraints_and_indexes(neo4j_driver, sample_graph):
    load_graph(nx.MultiDiGraph(), neo4j_driver)  # an empty graph still installs the schema
    rows = db.read_rows(neo4j_driver, queries.load("internal/list_schema"))
    unique_ids = {row["labels"][0] for row in rows if row["constraint"] and row["properties"] == ["id"]}
    assert unique_ids == set(LABELS)
    by_name = {row["name"]: row for row in rows}
    assert by_name["paper_text"]["type"] == "FULLTEXT" and by_name["paper_text"]["properties"] == ["title", "abstract"]
    assert set(by_name["entity_names"]["labels"]) == {"Method", "Dataset", "Task", "Metric", "Repository", "Link"}
    assert {"paper_year", "paper_published", "method_name"} <= set(by_name)


@pytest.mark.parametrize("env, exit_code", [
    ({"NEO4J_PASSWORD": "not-the-password"}, db.Neo4jAuthError.exit_code),
    ({"NEO4J_URI": "bolt://127.0.0.1:1"}, db.Neo4jUnavailable.exit_code),
    ({"NEO4J_DATABASE": "nosuchdb"}, db.Neo4jDatabaseError.exit_code),
])
def test_cli_connection_errors(env, exit_code, neo4j_driver, sample_graph, tmp_path, run_kg):
    import os
    mirror.write(sample_graph, tmp_path)
    result = run_kg("load", tmp_path, env={**os.environ, **env})
    assert result.returncode == exit_code
    assert len(result.stderr.strip().splitlines()) == 1
    assert db.settings()["password"] not in result.stderr
    assert db.settings({**os.environ, **env})["uri"] in result.stderr


def test_cli_load_then_info(neo4j_driver, sample_graph, tmp_path, run_kg):
    import json
    mirror.write(sample_graph, tmp_path)
    run_kg("load", tmp_path, "--wipe", "--quiet", check=True)
    from_mirror = json.loads(run_kg("info", tmp_path, "--json", check=True).stdout)
    from_neo4j = json.loads(run_kg("info", "--neo4j", "--json", check=True).stdout)
    assert from_neo4j == from_mirror


def _entities(driver) -> dict[str, dict]:
    rows = db.read_rows(driver, queries.load("internal/read_nodes"))
    return {row["id"]: {"labels": row["labels"], **row["properties"]} for row in rows if "type" in row["properties"]}


def _papers_naming(G: nx.MultiDiGraph, node: str) -> int:
    return len(twins.papers_into(G, node))  # what top_entities' twin counts on the mirror


def test_entities_get_the_entity_label_lookup_keys_and_paper_counts(sample_graph, empty_neo4j):
    load_graph(sample_graph, empty_neo4j)
    stored = _entities(empty_neo4j)
    expected = [node for node, attrs in sample_graph.nodes(data=True) if "type" in attrs]
    assert sorted(stored) == sorted(expected)
    for node in expected:
        attrs, props = sample_graph.nodes[node], stored[node]
        assert sorted(props["labels"]) == sorted([attrs["label"], "Entity"])
        assert props["papers"] == _papers_naming(sample_graph, node)
        keys = props["lookup"].strip("\x1f").split("\x1f")
        assert {attrs["name"].lower(), *(alias.lower() for alias in attrs.get("aliases", []))} == set(keys)
    assert max(props["papers"] for props in stored.values()) > 1


def test_paper_counts_cover_the_whole_database_after_a_second_graph(sample_graph, empty_neo4j):
    """A second mirror's papers naming a loaded entity raise its count: counted on the server, not per graph."""
    load_graph(sample_graph, empty_neo4j)
    method = max((node for node, label in sample_graph.nodes(data="label") if label == "Method"),
                 key=lambda node: (_papers_naming(sample_graph, node), node))
    H = nx.MultiDiGraph()
    H.add_node("paper:another-corpus", label="Paper", key="another-corpus", title="Another corpus", stub=False)
    H.add_node(method, **sample_graph.nodes[method])
    H.add_edge("paper:another-corpus", method, key="USES", type="USES", field="title", start=0, end=1,
               sentence_index=0, sentence="Another corpus", rule="test", mentions=1)
    load_graph(H, empty_neo4j)
    assert _entities(empty_neo4j)[method]["papers"] == _papers_naming(sample_graph, method) + 1


def _operators(plan: dict) -> set[str]:
    return {plan["operatorType"].split("@")[0]}.union(*(_operators(child) for child in plan.get("children", [])))


def test_lookups_by_name_read_an_index_not_a_label(sample_graph, empty_neo4j):
    """Every named query that takes a name, title or text finds its start nodes through an index."""
    load_graph(sample_graph, empty_neo4j)
    with empty_neo4j.session() as session:
        checked = []
        for name in queries.names():
            params = queries.bind(name, {}, use_examples=True)
            if not any(isinstance(value, str) for value in params.values()):
                continue
            operators = _operators(session.run("EXPLAIN " + queries.load(name), params).consume().plan)
            assert not operators & {"NodeByLabelScan", "AllNodesScan"}, (name, sorted(operators))
            checked.append(name)
    assert len(checked) >= 12, checked


def test_count_nodes_follow_a_reextraction_that_drops_a_method(sample_graph, empty_neo4j):
    """A paper re-extracted without a method other papers still use: the method's count nodes drop it,
    though the re-extracted graph does not hold the method at all."""
    load_graph(sample_graph, empty_neo4j)
    paper, method = next(
        (p, m) for p, m, k in sample_graph.edges(keys=True)
        if k == "USES" and sample_graph.nodes[p].get("year") and len(set(sample_graph.predecessors(m))) > 1
        and any(key in ("EVALUATES_ON", "INTRODUCES") for _, _, key in sample_graph.out_edges(p, keys=True)))
    H = sample_graph.subgraph([paper, *sample_graph.successors(paper)]).copy()
    H.remove_node(method)
    load_graph(H, empty_neo4j)
    expected = sample_graph.copy()
    expected.remove_edges_from([(paper, method, key) for key in list(expected[paper][method])])
    for name, params in (("rising_methods", {"year": sample_graph.nodes[paper]["year"], "n": 100_000}),
                         ("method_dataset_pairs", {"n": 100_000})):
        found = Neo4jBackend(empty_neo4j).run(name, params)
        assert found == twins.run(expected, name, params)
        assert found != twins.run(sample_graph, name, params)


def test_count_nodes_are_found_through_indexes(sample_graph, empty_neo4j):
    """Recounting a method must seek its old count nodes, not scan a label that grows with the corpus."""
    load_graph(sample_graph, empty_neo4j)
    with empty_neo4j.session() as session:
        plan = session.run("EXPLAIN " + queries.load("internal/count_methods"), {"ids": ["method:x"]}).consume().plan
    assert not _operators(plan) & {"NodeByLabelScan", "AllNodesScan"}, sorted(_operators(plan))



def test_a_stub_fills_in_and_never_empties_a_paper(empty_neo4j, tmp_path):
    """A graph citing a paper by ids only and one holding it whole, loaded in either order: the paper whole."""
    citing, whole = tmp_path / "citing.json", tmp_path / "whole.json"
    citing.write_text(json.dumps({"paperId": "a", "title": "Citing", "references": [{"paperId": "b"}]}))
    whole.write_text(json.dumps({"paperId": "b", "title": "Cited", "abstract": "We use BERT."}))
    stub_graph, whole_graph = (build_graph([path], workers=1)[0] for path in (citing, whole))
    assert stub_graph.nodes["paper:s2:b"]["stub"] and not whole_graph.nodes["paper:s2:b"]["stub"]
    for order in ((stub_graph, whole_graph), (whole_graph, stub_graph)):
        with empty_neo4j.session() as session:
            wipe_database(session)
        for G in order:
            load_graph(G, empty_neo4j)
        rows = db.read_rows(empty_neo4j, "MATCH (p:Paper {id: 'paper:s2:b'}) "
                                         "RETURN p.title AS title, p.abstract AS abstract, p.stub AS stub")
        assert rows == [{"title": "Cited", "abstract": "We use BERT.", "stub": False}]


def test_cli_load_streams_the_text_from_the_store(empty_neo4j, sample_graph, tmp_path, run_kg):
    """graph.json.gz holds no text: `kg load DIR` must still give Neo4j every abstract and evidence sentence."""
    mirror.write(sample_graph, tmp_path)
    run_kg("load", tmp_path, "--wipe", "--quiet", "--batch-size", 700, check=True)
    G = Neo4jBackend(empty_neo4j).to_networkx()
    abstracts = {node: attrs["abstract"] for node, attrs in sample_graph.nodes(data=True) if "abstract" in attrs}
    sentences = {(u, v, k): attrs["sentence"] for u, v, k, attrs in sample_graph.edges(keys=True, data=True)
                 if "sentence" in attrs}
    assert len(abstracts) > 400 and len(sentences) > 3000
    assert {node: attrs["abstract"] for node, attrs in G.nodes(data=True) if "abstract" in attrs} == abstracts
    assert {(u, v, k): attrs["sentence"] for u, v, k, attrs in G.edges(keys=True, data=True)
            if "sentence" in attrs} == sentences
