"""Interrupted mirror writes: a later reader sees the old mirror whole, the new one whole, or none.

A writer is killed (SIGKILL, no cleanup) at several points of writing a large graph
over an existing small one, and a write is failed from inside (an unserialisable value).
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest

from kg import mirror
from kg.errors import KgError

# Writes a graph of N papers, each citing the previous one, into DIR (argv: DIR N).
WRITER = """
import sys, networkx as nx
from kg import mirror
directory, n = sys.argv[1], int(sys.argv[2])
G = nx.MultiDiGraph()
for i in range(n):
    G.add_node(f"paper:{i}", label="Paper", id=f"paper:{i}", title=f"Paper number {i} " * 4,
               abstract=f"One of {n} papers.")
    if i:
        G.add_edge(f"paper:{i}", f"paper:{i - 1}", key="CITES", type="CITES", rule="jsonl", mentions=1,
                   sentence=f"Cited in a graph of {n}.")
print("writing", flush=True)
mirror.write(G, directory, manifest={"papers": n})
print("done", flush=True)
"""
BIG = 25_000
SMALL = 10


def _write_in_subprocess(directory: Path, n: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(directory), str(n)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _mirror_state(directory: Path) -> int | None:
    """How many papers the mirror in ``directory`` holds (None: no mirror); fails on a torn one."""
    try:
        G = mirror.read(directory)
    except KgError as error:
        assert "no graph.json.gz" in str(error), f"a torn graph file was left behind: {error}"
        return None
    papers = G.number_of_nodes()
    assert G.number_of_edges() == papers - 1
    abstracts = {attrs.get("abstract") for _, attrs in G.nodes(data=True)}
    sentences = {attrs.get("sentence") for _, _, attrs in G.edges(data=True)}
    assert abstracts == {f"One of {papers} papers."}, "text.sqlite and graph.json.gz are of different generations"
    assert sentences <= {f"Cited in a graph of {papers}."}, "text.sqlite and graph.json.gz are of different generations"
    manifest = json.loads((directory / mirror.MANIFEST_FILE).read_text())
    assert manifest["counts"] == mirror.counts(G), "manifest.json and graph.json.gz describe different graphs"
    graphml = nx.read_graphml(directory / mirror.GRAPHML_FILE)
    assert graphml.number_of_nodes() == papers, "graph.graphml and graph.json.gz describe different graphs"
    return papers


@pytest.fixture(scope="module")
def full_write_seconds(tmp_path_factory) -> float:
    """How long a full write of the big graph takes here, to place the kills inside it."""
    directory = tmp_path_factory.mktemp("timing")
    started = time.monotonic()
    process = _write_in_subprocess(directory, BIG)
    process.communicate(timeout=300)
    assert process.returncode == 0
    assert _mirror_state(directory) == BIG
    return time.monotonic() - started


@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.9])
def test_sigkill_during_write_over_an_existing_mirror(tmp_path, fraction, full_write_seconds):
    first = _write_in_subprocess(tmp_path, SMALL)
    first.communicate(timeout=120)
    assert _mirror_state(tmp_path) == SMALL
    process = _write_in_subprocess(tmp_path, BIG)
    assert process.stdout.readline().strip() == "writing"
    time.sleep(full_write_seconds * fraction * 0.6)  # the write itself is most of the run
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    assert _mirror_state(tmp_path) in (SMALL, BIG)


def test_sigkill_during_a_first_write_leaves_no_graph_or_a_whole_one(tmp_path, full_write_seconds):
    process = _write_in_subprocess(tmp_path, BIG)
    assert process.stdout.readline().strip() == "writing"
    time.sleep(full_write_seconds * 0.4)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    assert _mirror_state(tmp_path) in (None, BIG)


def _small_graph(n: int) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for i in range(n):
        G.add_node(f"paper:{i}", label="Paper", id=f"paper:{i}", title=f"T{i}", abstract=f"One of {n} papers.")
        if i:
            G.add_edge(f"paper:{i}", f"paper:{i - 1}", key="CITES", type="CITES", sentence=f"Cited in a graph of {n}.")
    return G


def test_sigkill_right_after_the_manifest_is_replaced(tmp_path):
    """The window between renaming manifest.json and renaming graph.json.gz."""
    first = _write_in_subprocess(tmp_path, SMALL)
    first.communicate(timeout=120)
    process = _write_in_subprocess(tmp_path, BIG)
    manifest = tmp_path / mirror.MANIFEST_FILE
    deadline = time.monotonic() + 120
    while json.loads(manifest.read_text())["papers"] != BIG and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    assert _mirror_state(tmp_path) in (SMALL, BIG)


def test_failure_inside_the_graph_json_write_keeps_the_old_mirror(tmp_path, monkeypatch):
    mirror.write(_small_graph(SMALL), tmp_path)

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(mirror, "_write_node_link", fail)  # runs inside graph.json.gz's atomic write
    with pytest.raises(OSError):
        mirror.write(_small_graph(SMALL + 5), tmp_path)
    monkeypatch.undo()
    assert _mirror_state(tmp_path) == SMALL
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")], "temporary files left behind"


def test_failure_inside_the_graphml_write_keeps_the_old_mirror(tmp_path):
    mirror.write(_small_graph(SMALL), tmp_path)
    broken = _small_graph(SMALL + 5)
    broken.nodes["paper:3"]["title"] = object()  # GraphML cannot write an arbitrary object
    with pytest.raises(Exception):
        mirror.write(broken, tmp_path)
    assert _mirror_state(tmp_path) == SMALL
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    visible = [name for name in os.listdir(tmp_path) if not name.startswith(".")]
    assert sorted(visible) == sorted([mirror.GRAPH_FILE, mirror.GRAPHML_FILE, mirror.MANIFEST_FILE, mirror.STORE_FILE])
    assert len(os.listdir(tmp_path / mirror.GENERATIONS_DIR)) == 2, "one generation and its link, no debris"


def test_written_files_get_the_usual_permissions(tmp_path):
    """Temporary files are private (0600) until renamed; the mirror must be readable like any file."""
    previous = os.umask(0o022)
    try:
        mirror.write(_small_graph(SMALL), tmp_path)
    finally:
        os.umask(previous)
    for name in (mirror.GRAPH_FILE, mirror.GRAPHML_FILE, mirror.MANIFEST_FILE, mirror.STORE_FILE):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o644, name
    assert (tmp_path / mirror.GENERATIONS_DIR / mirror.CURRENT_LINK).stat().st_mode & 0o777 == 0o755
