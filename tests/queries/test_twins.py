"""The NetworkX twins on the hand-made graph, checked against how that graph was made."""
from __future__ import annotations

import re
import shlex

import pytest

import queries
from kg import twins
from kg.errors import UsageError



def test_every_query_has_a_twin_and_every_twin_a_query():
    assert set(queries.names()) == set(twins.TWINS)
    assert len(queries.names()) >= 12


@pytest.mark.parametrize("name", queries.names())
def test_header_declares_every_parameter_the_text_uses(name):
    text = queries.load(name)
    body = "\n".join(line for line in text.splitlines() if not line.startswith("//"))
    described = queries.describe(name)
    assert described["purpose"] and set(re.findall(r"\$(\w+)", body)) == set(described["params"])
    # The example call passes exactly the example values.
    words = shlex.split(described["example"])
    assert words[:3] == ["kg", "query", name]
    given = dict(word.split("=", 1) for word in words[4::2])
    assert words[3::2] == ["--param"] * len(given)
    assert queries.bind(name, given) == queries.example_params(name)


@pytest.mark.parametrize("spelling", ["CLIP", "clip", "Contrastive Language-Image Pre-training",
                                      "CONTRASTIVE LANGUAGE-IMAGE PRE-TRAINING", "method:clip"])
def test_names_and_aliases_resolve_in_any_case(small_graph, spelling):
    rows = twins.run(small_graph, "papers_using_method", {"method": spelling, "n": 25, "after": ""})
    # CLIP is proposed by 2401.00001 and used by three other papers of the fixture.
    assert [(row["paper"], row["relation"]) for row in rows] == [
        ("paper:2401.00001", "PROPOSES"), ("paper:2402.00002", "USES"),
        ("paper:2501.00003", "USES"), ("paper:2502.00004", "USES")]


def test_unknown_name_gives_no_rows(small_graph):
    assert twins.run(small_graph, "papers_using_method", {"method": "no such method", "n": 25, "after": ""}) == []


def _pages(G, method: str, n: int) -> list[list[str]]:
    """Every page of papers_using_method, each as its paper ids, following the cursor to the end."""
    pages, after = [], ""
    while rows := twins.run(G, "papers_using_method", {"method": method, "n": n, "after": after}):
        pages.append([row["paper"] for row in rows])
        after = rows[-1]["paper"]
    return pages


def test_papers_using_method_pages_follow_the_cursor(small_graph):
    # LoRA: proposed by 2402.00002, used by three more papers; pages of two papers, then one... then none.
    assert _pages(small_graph, "LoRA", 2) == [["paper:2402.00002", "paper:2501.00003"],
                                              ["paper:2502.00004", "paper:title:a-study-without-identifiers"]]
    assert _pages(small_graph, "LoRA", 3) == [["paper:2402.00002", "paper:2501.00003", "paper:2502.00004"],
                                              ["paper:title:a-study-without-identifiers"]]


def test_a_page_holds_all_rows_of_its_papers(small_graph):
    """n counts papers: a paper naming two methods of a shared alias brings both rows onto its page."""
    G = small_graph.copy()
    G.nodes["method:lora"]["aliases"] = [*G.nodes["method:lora"]["aliases"], "peft"]
    G.nodes["method:softprompt"]["aliases"] = ["peft"]
    rows = twins.run(G, "papers_using_method", {"method": "PEFT", "n": 2, "after": ""})
    assert [(row["paper"], row["method"]) for row in rows] == [
        ("paper:2402.00002", "method:lora"), ("paper:2501.00003", "method:lora")]
    rows = twins.run(G, "papers_using_method", {"method": "PEFT", "n": 1, "after": "paper:2501.00003"})
    assert [(row["paper"], row["method"], row["relation"]) for row in rows] == [
        ("paper:2502.00004", "method:lora", "USES"), ("paper:2502.00004", "method:softprompt", "PROPOSES")]


def test_related_papers_skip_entities_named_by_more_papers_than_the_cap(small_graph):
    def shared(cap):
        return {row["paper"]: row["shared"] for row in
                twins.run(small_graph, "related_papers", {"paper": "2501.00003", "n": 10, "max_papers": cap})}
    # 2502.00004 shares CLIP and LoRA (four papers each) and COCO (two) with 2501.00003.
    assert shared(1000)["paper:2502.00004"] == ["CLIP", "COCO", "LoRA"]
    assert shared(3)["paper:2502.00004"] == ["COCO"]
    assert "paper:2401.00001" in shared(4) and "paper:2401.00001" not in shared(1)
    assert shared(0) == {}


def test_unknown_query_is_a_usage_error(small_graph):
    with pytest.raises(UsageError):
        twins.run(small_graph, "no_such_query", {})


def test_top_entities_break_ties_by_id(small_graph):
    rows = twins.run(small_graph, "top_entities", {"type": "method", "n": 2, "kind": "names"})
    # CLIP and LoRA are both named by four papers: the id decides.
    assert rows == [{"id": "method:clip", "name": "CLIP", "kind": "name", "papers": 4},
                    {"id": "method:lora", "name": "LoRA", "kind": "name", "papers": 4}]


def test_top_entities_leave_generic_terms_out_unless_asked(small_graph):
    def ranked(kind):
        return [row["name"] for row in twins.run(small_graph, "top_entities", {"type": "metric", "n": 5, "kind": kind})]
    assert ranked("names") == []  # accuracy is a real metric, but too generic to rank by default
    assert ranked("all") == ranked("generic") == ["accuracy"]
    assert ranked("concept") == []


def test_proposer_lists_authors_in_order(small_graph):
    row, = twins.run(small_graph, "proposer_of", {"entity": "low-rank adaptation"})
    assert row["paper"] == "paper:2402.00002"
    assert row["authors"] == ["Edward Hu", "Ada Lovelace"]


def test_citations_both_ways_include_stubs(small_graph):
    rows = twins.run(small_graph, "citations", {"paper": "2501.00003"})
    assert [(r["direction"], r["paper"], r["stub"]) for r in rows] == [
        ("in", "paper:2502.00004", False), ("out", "paper:2401.00001", False),
        ("out", "paper:2402.00002", False), ("out", "paper:doi:10.1/old", True)]


def test_papers_building_on_counts_citing_and_using(small_graph):
    rows = twins.run(small_graph, "papers_building_on", {"paper": "LoRA: Low-Rank Adaptation of Large Models"})
    by_paper = {row["paper"]: (row["cites"], row["uses"]) for row in rows}
    # 2501.00003 cites it and uses LoRA; 2502.00004 and the title-only paper use LoRA without citing.
    assert by_paper == {"paper:2501.00003": (True, ["LoRA"]), "paper:2502.00004": (False, ["LoRA"]),
                        "paper:title:a-study-without-identifiers": (False, ["LoRA"])}


def test_methods_without_code(small_graph):
    rows = twins.run(small_graph, "methods_without_code", {"n": 10})
    assert [row["method"] for row in rows] == ["method:softprompt"]


def test_search_puts_exact_matches_first(small_graph):
    rows = twins.run(small_graph, "search_entities", {"text": "CLIP", "n": 10})
    assert [(row["id"], row["exact"]) for row in rows] == [
        ("method:clip", True), ("repository:https-//github.com/openai/clip", False)]


def test_shortest_path_goes_through_a_paper(small_graph):
    rows = twins.run(small_graph, "shortest_path", {"source": "SoftPrompt", "target": "coco", "n": 5})
    assert rows == [{"hops": 2, "ids": ["method:softprompt", "paper:2502.00004", "dataset:coco"],
                     "names": ["SoftPrompt", "SoftPrompt for vision-language models", "COCO"]}]


def test_rising_methods_compare_with_the_year_before(small_graph):
    rows = twins.run(small_graph, "rising_methods", {"year": 2025, "n": 10})
    growth = {row["method"]: (row["papers_before"], row["papers"]) for row in rows}
    # The title-only paper has no year, so it does not count for LoRA.
    assert growth == {"method:lora": (1, 2), "method:softprompt": (0, 1), "method:clip": (2, 2)}


def test_evidence_points_into_the_abstract(small_graph):
    for row in twins.run(small_graph, "evidence", {"paper": "2501.00003", "entity": "LoRA"}):
        abstract = small_graph.nodes[row["paper"]]["abstract"]
        assert abstract[row["start"]:row["end"]] == "LoRA"
        assert row["mentions"] == 2
