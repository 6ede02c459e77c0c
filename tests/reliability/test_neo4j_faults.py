"""Faults against the real Neo4j: a killed load, concurrent loads, a server that is down or refuses us.

After any of them the database is either exactly what one clean load gives, or
untouched, and the command said so in one line with a distinct exit code.
"""
from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg import db, mirror, twins
from kg.backends import Neo4jBackend

pytestmark = pytest.mark.neo4j

KG = str(Path(sys.executable).with_name("kg"))
PAPERS = 2500
SMALL_BATCH = 20


@pytest.fixture(scope="module")
def large_dir(tmp_path_factory, schema_graph) -> Path:
    directory = tmp_path_factory.mktemp("large")
    mirror.write(schema_graph(0, PAPERS), directory)
    return directory


@pytest.fixture(scope="module")
def clean_load(large_dir, neo4j_driver, neo4j_state, kg_env):
    """The state after one clean load of ``large_dir``, and how long that load took."""
    from loaders.neo4j_writer import wipe_database
    with neo4j_driver.session() as session:
        wipe_database(session)
    started = time.monotonic()
    result = subprocess.run([KG, "load", str(large_dir), "--batch-size", str(SMALL_BATCH), "--quiet"],
                            capture_output=True, text=True, env=kg_env(), timeout=600)
    assert result.returncode == 0, result.stderr
    return neo4j_state(neo4j_driver), time.monotonic() - started


def test_the_clean_load_holds_the_mirror(clean_load, large_dir):
    (counts, triples), seconds = clean_load
    G = mirror.read(large_dir)
    assert counts == mirror.counts(G)
    assert triples == sorted((u, k, v) for u, v, k in G.edges(keys=True))
    assert seconds > 2, f"the load took {seconds:.1f}s: too short to kill half-way; raise PAPERS"


def test_sigkill_half_way_then_reload_equals_one_clean_load(clean_load, large_dir, empty_neo4j, neo4j_state,
                                                            kg_env):
    expected, seconds = clean_load
    process = subprocess.Popen([KG, "load", str(large_dir), "--batch-size", str(SMALL_BATCH), "--quiet"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=kg_env())
    deadline = time.monotonic() + seconds * 3
    while not db.graph_counts(empty_neo4j)["edges"]:  # nodes go first: kill once relationships are arriving
        assert process.poll() is None, "the load finished before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    partial = neo4j_state(empty_neo4j)
    assert 0 < len(partial[1]) < len(expected[1]), "the kill did not land half-way"
    result = subprocess.run([KG, "load", str(large_dir), "--batch-size", str(SMALL_BATCH), "--quiet"],
                            capture_output=True, text=True, env=kg_env(), timeout=600)
    assert result.returncode == 0, result.stderr
    assert neo4j_state(empty_neo4j) == expected


def test_two_concurrent_loads_of_overlapping_inputs_make_no_duplicates(tmp_path, empty_neo4j, neo4j_state,
                                                                       schema_graph, kg_env):
    first, second = tmp_path / "a", tmp_path / "b"
    mirror.write(schema_graph(0, 800), first)
    mirror.write(schema_graph(400, 1200), second)
    processes = [subprocess.Popen([KG, "load", str(d), "--batch-size", "10", "--quiet"], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, env=kg_env()) for d in (first, second)]
    for process in processes:
        _, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
    counts, triples = neo4j_state(empty_neo4j)
    union = schema_graph(0, 800)
    union.add_edges_from(schema_graph(400, 1200).edges(keys=True, data=True))
    union.add_nodes_from(schema_graph(400, 1200).nodes(data=True))
    assert len(triples) == len(set(triples)), "duplicate relationships"
    assert set(triples) == {(u, k, v) for u, v, k in union.edges(keys=True)}
    assert counts["nodes"] == mirror.counts(union)["nodes"], "duplicate (or missing) nodes"
    year = max(year for _, year in union.nodes(data="year") if year)
    for name, params in (("rising_methods", {"year": year, "n": 100_000}), ("method_dataset_pairs", {"n": 100_000})):
        assert Neo4jBackend(empty_neo4j).run(name, params) == twins.run(union, name, params), name


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens once the socket is closed


SECRET = "Reliability-Secret-p4ssw0rd-7f3a"


@pytest.mark.parametrize("case", ["down", "password", "database"])
def test_connection_failures_are_one_clear_line_with_a_distinct_exit_code(case, large_dir, neo4j_driver,
                                                                          neo4j_state, kg_env):
    before = neo4j_state(neo4j_driver)
    uri = f"bolt://127.0.0.1:{_closed_port()}" if case == "down" else db.settings()["uri"]
    env = kg_env(NEO4J_URI=uri, NEO4J_PASSWORD=SECRET if case == "password" else db.settings()["password"],
                 **({"NEO4J_DATABASE": "nosuchdatabase"} if case == "database" else {}))
    expected_code = {"down": db.Neo4jUnavailable, "password": db.Neo4jAuthError,
                     "database": db.Neo4jDatabaseError}[case].exit_code
    for args in (["load", large_dir, "--quiet"], ["info", "--neo4j", "--json"], ["cypher", "RETURN 1"]):
        started = time.monotonic()
        result = subprocess.run([KG, *map(str, args)], capture_output=True, text=True, env=env, timeout=180)
        assert time.monotonic() - started < 90, f"{args[0]}: retries are not bounded"
        assert result.returncode == expected_code, (args, result.returncode, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("kg: error:"), result.stderr
        assert uri in lines[0]
        assert SECRET not in result.stdout + result.stderr
        assert db.settings()["password"] not in result.stdout + result.stderr
        assert "Loaded" not in result.stdout
    if case == "password":
        time.sleep(6)  # let the server's failed-login lock on the user expire before other tests connect
    assert neo4j_state(neo4j_driver) == before, "a failed command changed the database"
