"""`kg add --neo4j` sends only what the addition changed and leaves Neo4j as a full load of the result."""
from __future__ import annotations

import ast
import json
import re

import pytest

from kg import mirror
from kg.backends import Neo4jBackend
from loaders.neo4j_writer import load_graph, wipe_database

NEW_PAPERS = [
    {"id": "2612.00001", "title": "CLIP adapters for bird species", "abstract": "We fine-tune CLIP on CUB-200-2011 "
     "and report accuracy. We propose BirdAdapter, a lightweight adapter for fine-grained classification."},
    {"id": "2612.00002", "title": "LoRA on ImageNet", "abstract": "We apply LoRA to ViT-B/16 on ImageNet."},
]
pytestmark = pytest.mark.neo4j  # it empties the database: `-m "not neo4j"` must leave it out


def _database_graph(driver) -> tuple[dict, set]:
    G = Neo4jBackend(driver).to_networkx()
    edges = {(u, v, key, repr(sorted(attrs.items()))) for u, v, key, attrs in G.edges(keys=True, data=True)}
    return dict(G.nodes(data=True)), edges


def test_add_sends_only_the_change_and_the_database_equals_a_full_load(empty_neo4j, run_kg, seed_paths, tmp_path):
    out, today = tmp_path / "graph", tmp_path / "today.jsonl"
    today.write_text("".join(json.dumps(p) + "\n" for p in NEW_PAPERS))
    run_kg("build", *seed_paths, "--out", out, "--workers", 1, "--neo4j", check=True)
    result = run_kg("add", today, "--graph", out, "--workers", 1, "--neo4j", check=True)
    sent = ast.literal_eval(re.search(r"Loaded into Neo4j: (\{.*\})", result.stdout)[1])
    G = mirror.read(out)
    assert 0 < sent["nodes"] + sent["relationships"] < 0.1 * (G.number_of_nodes() + G.number_of_edges())
    after_add = _database_graph(empty_neo4j)
    with empty_neo4j.session() as session:
        wipe_database(session)
    load_graph(G, empty_neo4j)
    assert after_add == _database_graph(empty_neo4j)
    assert "paper:2612.00001" in after_add[0]
