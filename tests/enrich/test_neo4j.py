"""`kg enrich --neo4j` loads the enriched graph into the real Neo4j exactly as `kg load` would."""
from __future__ import annotations

import os

import pytest

import queries
from kg import db, mirror
from kg.model import title_key

pytestmark = pytest.mark.neo4j


def test_enrich_loads_the_new_citations(fake_s2, turing, seed_titles, seed_paper, graph_dir, run_kg, empty_neo4j):
    api, url = fake_s2
    A, B = seed_titles[:2]
    a, b = seed_paper(turing, A, 1, ArXiv="2401.00001"), seed_paper(turing, B, 2)
    for paper in (a, b):
        api.papers[paper["paperId"]] = paper
        api.matches[title_key(paper["title"])] = paper["paperId"]
    api.references = {a["paperId"]: [b, *turing["references"][:3]], b["paperId"]: []}
    env = {**os.environ, "KG_S2_API_URL": url}
    run_kg("enrich", "--graph", graph_dir, "--neo4j", "--interval", "0", "--backoff", "0.05", env=env, check=True)
    G = mirror.read(graph_dir)
    assert db.graph_counts(empty_neo4j) == mirror.counts(G)
    rows = db.read_rows(empty_neo4j, queries.load("internal/read_relationships"))
    in_neo4j = {(row["source"], row["target"]) for row in rows if row["type"] == "CITES"}
    assert in_neo4j == {(u, v) for u, v, k in G.edges(keys=True) if k == "CITES"}
    assert len(in_neo4j) == 4 and ("paper:" + title_key(A), "paper:" + title_key(B)) in in_neo4j
