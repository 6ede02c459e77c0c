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
    rows = twins.run(small_graph, "papers_using_method", {"method": spelling})
    # CLIP is proposed by 2401.00001 and used by three other papers of the fixture.
    assert [(row["paper"], row["relation"]) for row in rows] == [
        ("paper:2401.00001", "PROPOSES"), ("paper:2402.00002", "USES"),
        ("paper:2501.00003", "USES"), ("paper:2502.00004", "USES")]


def test_unknown_name_gives_no_rows(small_graph):
    assert twins.run(small_graph, "papers_using_method", {"method": "no such method"}) == []


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
