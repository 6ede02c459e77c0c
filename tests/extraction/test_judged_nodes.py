"""The graph against hand-judged entity nodes (tests/data/judged/README.md).

450 nodes that an earlier build made, drawn at random from two graphs (the seed pages, and the
papers citing Turing 1950 in the Semantic Scholar response) and judged one by one as real,
generic or junk. A build must keep the real ones (by name or alias, same label) and drop the
junk; the floors sit a little below what the build does today, so a regression fails.
"""
from __future__ import annotations

import json

import pytest

import kg
from kg import judged

JUDGED = judged.read(__file__.rsplit("/", 2)[0] + "/data/judged/judged_nodes.jsonl")
# (corpus, least share of judged real nodes still nodes, most share of judged junk nodes still nodes)
FLOORS = [("seeds", 0.88, 0.26), ("s2-citing", 0.75, 0.24)]


@pytest.fixture(scope="module")
def citing_graph(shared_dir, tmp_path_factory):
    """The graph of the citing papers with an abstract, as the judged sample drew them."""
    response = json.loads((shared_dir / "formats" / "semantic-scholar" / "Paper.json").read_text(encoding="utf-8"))
    path = tmp_path_factory.mktemp("citing") / "citing.jsonl"
    rows = [{"id": c["paperId"], "title": c["title"], "abstract": c["abstract"], "year": c.get("year")}
            for c in response["citations"] if c.get("abstract")]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return kg.build([str(path)], workers=1).to_networkx()


def test_the_judged_sample_is_what_the_readme_says():
    assert len(JUDGED) == 450
    assert {j["verdict"] for j in JUDGED} == {"real", "generic", "junk"}
    assert sum(j["corpus"] == "seeds" for j in JUDGED) == 300


@pytest.mark.parametrize("corpus, real_floor, junk_ceiling", FLOORS)
def test_real_nodes_stay_and_junk_goes(corpus, real_floor, junk_ceiling, seed_graph, citing_graph):
    G = seed_graph if corpus == "seeds" else citing_graph
    scores = judged.score(G, [j for j in JUDGED if j["corpus"] == corpus])
    real, real_total = scores["real"]
    junk, junk_total = scores["junk"]
    assert real / real_total >= real_floor, f"{corpus}: only {real} of {real_total} judged real nodes are nodes"
    assert junk / junk_total <= junk_ceiling, f"{corpus}: {junk} of {junk_total} judged junk nodes are still nodes"
