"""The graph against hand-judged entity nodes (tests/data/judged/README.md).

1,060 nodes that earlier builds made, drawn at random from seven graphs (the seed pages, the papers
citing Turing 1950 in the Semantic Scholar response, the SciERC abstracts and TDMSci sentences of
the development gold, and three sets of 2023 Findings of the ACL abstracts shipped beside them) and
judged one by one as real, generic or junk. A build must keep the real ones (by name or alias, same
label) and drop the junk; the floors sit a little below what the build does today, so a regression fails.
"""
from __future__ import annotations

import json

import pytest

import kg
from kg import judged

JUDGED_DIR = __file__.rsplit("/", 2)[0] + "/data/judged/"
JUDGED = judged.read(JUDGED_DIR + "judged_nodes.jsonl")
ACL_JUDGED = [j for name in ("blind_acl2023", "blind_acl2023_b", "blind_acl2023_c")
              for j in judged.read(JUDGED_DIR + name + ".jsonl")]
# (corpus, least share of judged real nodes still nodes, most share of judged junk nodes still nodes)
FLOORS = [("seeds", 0.90, 0.14), ("s2-citing", 0.72, 0.17), ("scierc", 0.91, 0.22), ("tdmsci", 0.87, 0.25),
          ("acl2023", 0.90, 0.20), ("acl2023-b", 0.92, 0.30), ("acl2023-c", 0.87, 0.25)]


@pytest.fixture(scope="module")
def citing_graph(shared_dir, tmp_path_factory):
    """The graph of the citing papers with an abstract, as the judged sample drew them."""
    response = json.loads((shared_dir / "formats" / "semantic-scholar" / "Paper.json").read_text(encoding="utf-8"))
    path = tmp_path_factory.mktemp("citing") / "citing.jsonl"
    rows = [{"id": c["paperId"], "title": c["title"], "abstract": c["abstract"], "year": c.get("year")}
            for c in response["citations"] if c.get("abstract")]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return kg.build([str(path)], workers=1).to_networkx()


def _gold_graph(shared_dir, tmp_path_factory, source: str):
    """The graph of the development gold's texts of one source, as the sample drew them."""
    path = tmp_path_factory.mktemp(source) / f"{source}.jsonl"
    with open(shared_dir / "eval-dev" / "gold-dev.jsonl", encoding="utf-8") as gold:
        units = [json.loads(line) for line in gold]
    rows = [{"id": u["id"], "title": u.get("title") or "", "abstract": u["abstract"]}
            for u in units if u["source"] == source]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return kg.build([str(path)], workers=1).to_networkx()


@pytest.fixture(scope="module")
def acl_graph():
    """The graph of the 143 EACL 2023 Findings abstracts shipped beside the judged nodes (the fifth sample)."""
    return kg.build([JUDGED_DIR + "acl_findings2023.jsonl"], workers=1).to_networkx()


@pytest.fixture(scope="module")
def acl_b_graph():
    """The graph of the 152 EMNLP 2023 Findings abstracts shipped beside the judged nodes (the sixth sample)."""
    return kg.build([JUDGED_DIR + "acl_findings2023_b.jsonl"], workers=1).to_networkx()


@pytest.fixture(scope="module")
def acl_c_graph():
    """The graph of the 121 ACL 2023 Findings abstracts shipped beside the judged nodes (the seventh sample)."""
    return kg.build([JUDGED_DIR + "acl_findings2023_c.jsonl"], workers=1).to_networkx()


@pytest.fixture(scope="module")
def scierc_graph(shared_dir, tmp_path_factory):
    """The graph of the development gold's SciERC abstracts (the third sample)."""
    return _gold_graph(shared_dir, tmp_path_factory, "scierc")


@pytest.fixture(scope="module")
def tdmsci_graph(shared_dir, tmp_path_factory):
    """The graph of the development gold's TDMSci sentences, one paper each (the fourth sample)."""
    return _gold_graph(shared_dir, tmp_path_factory, "tdmsci")


@pytest.mark.parametrize("corpus, verdicts", [("acl2023", [42, 20, 38]), ("acl2023-b", [27, 24, 49]),
                                             ("acl2023-c", [39, 24, 37])])
def test_the_acl_samples_are_what_the_readme_says(corpus, verdicts):
    sample = [j for j in ACL_JUDGED if j["corpus"] == corpus]
    assert [sum(j["verdict"] == v for j in sample) for v in ("real", "generic", "junk")] == verdicts


def test_the_judged_sample_is_what_the_readme_says():
    assert len(JUDGED) == 760
    assert {j["verdict"] for j in JUDGED} == {"real", "generic", "junk"}
    assert [sum(j["corpus"] == c for j in JUDGED) for c in ("seeds", "s2-citing", "scierc", "tdmsci")] \
        == [300, 150, 160, 150]


@pytest.mark.parametrize("corpus, real_floor, junk_ceiling", FLOORS)
def test_real_nodes_stay_and_junk_goes(corpus, real_floor, junk_ceiling, seed_graph, citing_graph, scierc_graph,
                                       tdmsci_graph, acl_graph, acl_b_graph, acl_c_graph):
    G = {"seeds": seed_graph, "s2-citing": citing_graph, "scierc": scierc_graph, "tdmsci": tdmsci_graph,
         "acl2023": acl_graph, "acl2023-b": acl_b_graph, "acl2023-c": acl_c_graph}[corpus]
    scores = judged.score(G, [j for j in JUDGED + ACL_JUDGED if j["corpus"] == corpus])
    real, real_total = scores["real"]
    junk, junk_total = scores["junk"]
    assert real / real_total >= real_floor, f"{corpus}: only {real} of {real_total} judged real nodes are nodes"
    assert junk / junk_total <= junk_ceiling, f"{corpus}: {junk} of {junk_total} judged junk nodes are still nodes"
