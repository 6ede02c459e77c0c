"""Every named query gives exactly the same rows on the real Neo4j server and on the NetworkX mirror.

Each query runs with its header's example parameters on the shipped sample (where it must
find rows), and with hand-picked aliases on the hand-made graph.
"""
from __future__ import annotations

import pytest

import queries
from kg import sqltwins, twins
from kg.backends import Neo4jBackend, NetworkXBackend

pytestmark = pytest.mark.neo4j



@pytest.fixture(scope="module")
def loaded_into(neo4j_driver):
    """``loaded_into(G)`` -> a Neo4jBackend on a database holding exactly ``G`` (reloaded only when needed)."""
    from loaders.neo4j_writer import load_graph
    current = {}

    def load(G):
        if current.get("graph") is not G:
            load_graph(G, neo4j_driver, wipe=True)
            current["graph"] = G
        return Neo4jBackend(neo4j_driver)
    return load


def test_every_query_has_a_twin_and_every_twin_a_query():
    assert sorted(twins.TWINS) == queries.names()
    assert len(queries.names()) >= 12


@pytest.mark.parametrize("name", queries.names())
def test_sample_rows_agree(name, sample_graph, loaded_into):
    params = queries.example_params(name)
    expected = NetworkXBackend(sample_graph).run(name, params)
    assert expected, f"{name} finds nothing on the sample with its example parameters {params}"
    assert loaded_into(sample_graph).run(name, params) == expected


@pytest.mark.parametrize("name", queries.names())
def test_small_graph_rows_agree(name, small_graph, small_graph_params, loaded_into):
    params = small_graph_params(name)
    expected = NetworkXBackend(small_graph).run(name, params)
    assert expected, f"{name} finds nothing on the hand-made graph with {params}"
    assert loaded_into(small_graph).run(name, params) == expected


def test_graph_reads_back_unchanged(small_graph, loaded_into):
    G = loaded_into(small_graph).to_networkx()
    assert dict(G.nodes(data=True)) == dict(small_graph.nodes(data=True))
    assert sorted(G.edges(keys=True, data=True)) == sorted(small_graph.edges(keys=True, data=True))


def test_counts_agree(small_graph, loaded_into):
    assert loaded_into(small_graph).counts() == NetworkXBackend(small_graph).counts()


def test_analytics_written_back(small_graph, loaded_into, neo4j_driver):
    from kg.api import KnowledgeGraph
    from loaders.neo4j_writer import load_graph
    backend = loaded_into(small_graph)
    g = KnowledgeGraph(small_graph)
    try:
        assert g.write_analytics_to_neo4j(neo4j_driver) == len(g.analytics())
        stored = backend.to_networkx()
        for row in g.analytics():
            assert stored.nodes[row["id"]]["pagerank"] == row["pagerank"]
            assert stored.nodes[row["id"]]["community"] == row["community"]
        assert all("pagerank" not in attrs for _, attrs in stored.nodes(data=True)
                   if attrs["label"] not in ("Method", "Dataset"))
    finally:
        load_graph(small_graph, neo4j_driver, wipe=True)  # leave the database as `loaded_into` believes


def _shared_alias_graph():
    """Two methods and two tasks under one alias each; paper 1 names both of a pair, paper 2 one."""
    import networkx as nx
    G = nx.MultiDiGraph()
    for number in (1, 2):
        G.add_node(f"paper:{number}", label="Paper", key=str(number), title=f"Paper {number}", year=2025, stub=False)
    for node, label, kind in (("method:a", "Method", "method"), ("method:b", "Method", "method"),
                              ("task:a", "Task", "task"), ("task:b", "Task", "task"),
                              ("dataset:d", "Dataset", "dataset")):
        G.add_node(node, label=label, type=kind, name=node.split(":")[1].upper() + " " + kind, aliases=["shared"])
    evidence = {"field": "abstract", "start": 0, "end": 1, "sentence_index": 0, "sentence": "x", "rule": "test",
                "mentions": 1}
    for paper, targets in (("paper:1", ("method:a", "method:b", "task:a", "task:b", "dataset:d")),
                           ("paper:2", ("method:a", "task:a", "dataset:d"))):
        for target in targets:
            rel_type = {"method": "USES", "task": "ADDRESSES", "dataset": "EVALUATES_ON"}[target.split(":")[0]]
            G.add_edge(paper, target, key=rel_type, type=rel_type, **evidence)
    return G


@pytest.mark.parametrize("name, param", [("datasets_for_method", "method"), ("methods_on_dataset", "dataset"),
                                         ("methods_for_task", "task")])
def test_a_name_shared_by_several_entities_counts_each_paper_once(name, param, loaded_into):
    G = _shared_alias_graph()
    params = {param: "shared", "n": 10}
    expected = NetworkXBackend(G).run(name, params)
    assert max(row["papers"] for row in expected) == 2
    assert loaded_into(G).run(name, params) == expected


@pytest.mark.parametrize("n", [2, 25])
def test_every_page_of_papers_using_method_agrees(n, sample_graph, loaded_into, stores):
    """The busiest method of the sample, paged: with n=2 Neo4j walks the Paper.id index (P * P > n * papers),
    with n=25 it expands the method's papers; both must page exactly like the twin, through to the end."""
    method = max((node for node, label in sample_graph.nodes(data="label") if label == "Method"),
                 key=lambda node: (len(twins.papers_into(sample_graph, node, twins.METHOD_EDGES)), node))
    users = twins.papers_into(sample_graph, method, twins.METHOD_EDGES)
    papers = sum(label == "Paper" for _, label in sample_graph.nodes(data="label"))
    assert (len(users) ** 2 > n * papers) == (n == 2), "the two sizes must take the two plans"
    backend, seen, after = loaded_into(sample_graph), [], ""
    while True:
        params = {"method": method, "n": n, "after": after}
        page = backend.run("papers_using_method", params)
        assert page == twins.run(sample_graph, "papers_using_method", params)
        assert page == sqltwins.run(stores(sample_graph), "papers_using_method", params)
        if not page:
            break
        seen += sorted({row["paper"] for row in page})
        after = page[-1]["paper"]
    assert seen == sorted(users)


# --- the store's SQL answers (kg.sqltwins: what `kg query` runs without reading graph.json) ---------

@pytest.fixture(scope="module")
def stores(tmp_path_factory, sample_graph, small_graph):
    """``stores(G)`` -> the text.sqlite of ``G`` written as a mirror (sample or hand-made graph)."""
    from kg import mirror
    written = {}
    for key, G in (("sample", sample_graph), ("small", small_graph)):
        directory = tmp_path_factory.mktemp(f"store-{key}")
        mirror.write(G, directory)
        written[id(G)] = directory / mirror.STORE_FILE
    return lambda G: written[id(G)]


@pytest.mark.parametrize("name", sorted(sqltwins.SQL_TWINS))
def test_store_rows_agree_on_the_sample(name, sample_graph, stores, loaded_into):
    params = queries.example_params(name)
    rows = sqltwins.run(stores(sample_graph), name, params)
    assert rows, f"{name} finds nothing in the sample's store with {params}"
    assert rows == loaded_into(sample_graph).run(name, params)


@pytest.mark.parametrize("name", sorted(sqltwins.SQL_TWINS))
def test_store_rows_agree_on_the_small_graph(name, small_graph, small_graph_params, stores, loaded_into):
    params = small_graph_params(name)
    rows = sqltwins.run(stores(small_graph), name, params)
    assert rows, f"{name} finds nothing in the hand-made graph's store with {params}"
    assert rows == loaded_into(small_graph).run(name, params)


@pytest.mark.parametrize("params", [{"type": entity_type, "n": 40, "kind": kind}
                                    for entity_type in ("method", "dataset", "task", "metric", "repository")
                                    for kind in ("names", "all", "generic", "concept")])
def test_store_rankings_agree_with_the_twin_for_every_type_and_kind(params, sample_graph, stores):
    assert sqltwins.run(stores(sample_graph), "top_entities", params) == twins.run(sample_graph, "top_entities", params)


@pytest.mark.parametrize("text", ["clip", "CLIP", "image", "net", "é", "ß", "", "no such name at all"])
def test_store_search_agrees_with_the_twin(text, sample_graph, stores):
    params = {"text": text, "n": 30}
    assert sqltwins.run(stores(sample_graph), "search_entities", params) == \
        twins.run(sample_graph, "search_entities", params)


def test_kg_query_answers_from_the_store_without_graph_json(sample_graph, stores, run_kg):
    """`kg query top_entities` reads only the store: it answers with graph.json.gz unreadable, and the same rows."""
    import json
    import shutil
    directory = stores(sample_graph).parent
    copy = directory.parent / "unreadable-graph-json"
    shutil.copytree(directory, copy, symlinks=False)
    (copy / "graph.json.gz").unlink()
    (copy / "graph.json.gz").write_text("{not json", encoding="utf-8")
    params = queries.example_params("top_entities")
    result = run_kg("query", "top_entities", "--graph", copy, "--format", "json",
                    *(f"--param={key}={value}" for key, value in params.items()), check=True)
    assert json.loads(result.stdout) == twins.run(sample_graph, "top_entities", params)
    assert "citations" not in sqltwins.SQL_TWINS
    assert "unreadable graph file" in run_kg("query", "citations", "--graph", copy).stderr  # the others read it


def test_store_pages_a_name_shared_by_two_methods_like_the_twin(tmp_path):
    from kg import mirror
    G = _shared_alias_graph()
    mirror.write(G, tmp_path)
    for params in ({"method": "shared", "n": 1, "after": ""}, {"method": "SHARED", "n": 5, "after": "paper:1"},
                   {"method": "method:a", "n": 5, "after": ""}):
        rows = sqltwins.run(tmp_path / mirror.STORE_FILE, "papers_using_method", params)
        assert rows == twins.run(G, "papers_using_method", params)
    assert {row["method"] for row in sqltwins.run(tmp_path / mirror.STORE_FILE, "papers_using_method",
                                                  {"method": "shared", "n": 5, "after": ""})} == {"method:a", "method:b"}


@pytest.mark.parametrize("paper, entity", [("2501.00003", "LoRA"), ("paper:2501.00003", "method:lora"),
                                           ("tuning clip with lora", "CONTRASTIVE language-image pre-training"),
                                           ("2501.00003", "no such entity"), ("no such paper", "LoRA")])
def test_store_evidence_matches_papers_and_entities_like_the_twin(paper, entity, small_graph, stores):
    params = {"paper": paper, "entity": entity}
    assert sqltwins.run(stores(small_graph), "evidence", params) == twins.run(small_graph, "evidence", params)


@pytest.mark.parametrize("name, param", [("datasets_for_method", "method"), ("methods_on_dataset", "dataset"),
                                         ("methods_for_task", "task")])
def test_store_counts_each_paper_once_for_a_name_shared_by_several_entities(name, param, tmp_path):
    from kg import mirror
    G = _shared_alias_graph()
    mirror.write(G, tmp_path)
    params = {param: "shared", "n": 10}
    rows = sqltwins.run(tmp_path / mirror.STORE_FILE, name, params)
    assert max(row["papers"] for row in rows) == 2
    assert rows == twins.run(G, name, params)
