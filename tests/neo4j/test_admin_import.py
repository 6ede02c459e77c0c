"""`kg export --neo4j-admin` files, imported by the real neo4j-admin into a fresh database, equal what the loader writes."""
from __future__ import annotations

import os
import socket

import pytest

import queries
from kg import db, neo4j_server
from kg.backends import Neo4jBackend
from loaders.neo4j_admin import import_arguments, write_import_files
from loaders.neo4j_writer import load_graph

pytestmark = pytest.mark.neo4j


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def snapshot(driver) -> tuple[dict, set, dict]:
    """Counts, (source, type, target) triples and every node's labels and properties (dates as ISO text)."""
    rels = db.read_rows(driver, queries.load("internal/read_relationships"))
    nodes = db.read_rows(driver, queries.load("internal/read_nodes"))
    return (db.graph_counts(driver), {(r["source"], r["type"], r["target"]) for r in rels},
            {n["id"]: (sorted(n["labels"]), n["properties"]) for n in nodes})


@pytest.fixture(scope="module")
def imported(sample_graph, tmp_path_factory):
    """A second embedded Neo4j (own port, own home) serving what neo4j-admin imported from the export."""
    home, out = tmp_path_factory.mktemp("admin-home"), tmp_path_factory.mktemp("export")
    result = neo4j_server.run_neo4j_admin(import_arguments(write_import_files(sample_graph, out)), home)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    uri = f"bolt://127.0.0.1:{_free_port()}"
    neo4j_server.start(uri, home, heap="1g", pagecache="128m")
    try:
        driver = db.connect(uri)
        yield driver, uri
        driver.close()
    finally:
        neo4j_server.stop(home)


def test_import_equals_loader(imported, sample_graph, empty_neo4j):
    load_graph(sample_graph, empty_neo4j)
    counts, triples, nodes = snapshot(imported[0])
    assert counts["nodes"]["Paper"] == sum(1 for _, a in sample_graph.nodes(data=True) if a["label"] == "Paper")
    assert (counts, triples, nodes) == snapshot(empty_neo4j)


def test_cli_writes_the_arguments(sample_graph, tmp_path, run_kg):
    from kg import mirror
    mirror.write(sample_graph, tmp_path / "graph")
    run_kg("export", tmp_path / "graph", "--neo4j-admin", tmp_path / "csv", check=True)
    args = (tmp_path / "csv" / "import-args.txt").read_text().split()
    labels = {a["label"] for _, a in sample_graph.nodes(data=True)}
    assert sorted(a for a in args if a.startswith("--nodes=")) == \
        sorted(f"--nodes={tmp_path / 'csv' / f'nodes_{label}.csv'}" for label in labels)
    assert args[:3] == ["database", "import", "full"] and args[-1] == "neo4j"


def schema(driver) -> list[tuple]:
    return [(row["name"], row["type"], row["labels"], row["properties"])
            for row in db.read_rows(driver, queries.load("internal/list_schema"))]


def test_index_verb_gives_the_import_the_loaders_indexes_and_counts(imported, sample_graph, empty_neo4j, run_kg):
    driver, uri = imported
    assert not any(name.endswith("_lookup") for name, *_ in schema(driver))  # neo4j-admin wrote none
    load_graph(sample_graph, empty_neo4j)
    env = {**os.environ, "NEO4J_URI": uri}
    first = run_kg("neo4j", "index", env=env, check=True)
    again = run_kg("neo4j", "index", env=env, check=True)
    assert schema(driver) == schema(empty_neo4j)
    assert "Created 0 " in again.stdout and "Created 0 " not in first.stdout
    for name in ("rising_methods", "method_dataset_pairs"):
        params = queries.bind(name, {"n": 1000}, use_examples=True)
        assert Neo4jBackend(driver).run(name, params) == Neo4jBackend(empty_neo4j).run(name, params) != []


def _csv_rows(folder) -> dict[str, list[dict]]:
    """Each CSV file's rows as {column name without its type: field}, in file order."""
    import csv
    tables = {}
    for path in sorted(folder.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as handle:
            header, *rows = list(csv.reader(handle))
        names = [name.split(":")[0] or name for name in header]
        tables[path.name] = [{name: value for name, value in zip(names, row) if value} for row in rows]
    return tables


def test_export_of_a_directory_reads_the_text_from_its_store(sample_graph, tmp_path, run_kg):
    """The directory's graph.json.gz holds no text; its export must equal the export of the whole graph."""
    from kg import mirror
    mirror.write(sample_graph, tmp_path / "graph")
    run_kg("export", tmp_path / "graph", "--neo4j-admin", tmp_path / "from-dir", check=True)
    write_import_files(sample_graph, tmp_path / "from-memory")
    expected = _csv_rows(tmp_path / "from-memory")
    assert any("abstract" in row for row in expected["nodes_Paper.csv"])
    assert _csv_rows(tmp_path / "from-dir") == expected
