"""The dev-gold F1 floors we actually reach, the scorer's matching rules, and the `kg extract` contract."""
from __future__ import annotations

import json

import pytest

from kg.cli import main
from kg.eval import evaluate, lenient_matches, normalise

# Strict F1 on all of gold-dev.jsonl, set a little below the measured values
# (dataset 0.629, method 0.556, metric 0.706, task 0.517) so that regressions fail.
STRICT_FLOORS = {"dataset": 0.62, "method": 0.54, "metric": 0.69, "task": 0.51}


@pytest.fixture(scope="module")
def dev_scores(shared_dir):
    return evaluate(str(shared_dir / "eval-dev" / "gold-dev.jsonl"))


@pytest.mark.parametrize("type_", sorted(STRICT_FLOORS))
def test_dev_strict_f1_floor(dev_scores, type_):
    assert dev_scores["strict"]["all"][type_]["f1"] >= STRICT_FLOORS[type_]


def test_lenient_never_below_strict(dev_scores):
    for type_, strict in dev_scores["strict"]["all"].items():
        assert dev_scores["lenient"]["all"][type_]["tp"] >= strict["tp"]


def test_normalise_follows_the_gold_conventions():
    assert normalise("The ImageNet\u20131K dataset") == normalise("imagenet-1k") == "imagenet 1k"
    assert normalise("F1-scores") == normalise("F1 score")


def test_lenient_matching_is_one_to_one():
    assert lenient_matches({"word error rate"}, {"error rate", "word error"}) == 1
    assert lenient_matches({"person search", "search"}, {"person search"}) == 1
    assert lenient_matches({"bleu"}, {"accuracy"}) == 0


def test_kg_extract_writes_one_line_per_record_in_order(tmp_path):
    records = [
        {"id": "r-2", "title": "cMIM: Masked Image Modeling", "abstract": "Code: github.com/a/cmim.git."},
        {"id": "r-1", "title": "Nothing here", "abstract": ""},
        {"id": "r-3", "title": "More", "abstract": "We fine-tune CLIP on ImageNet-1K and report top-1 accuracy."},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(source), "--output", str(out), "--quiet"]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["r-2", "r-1", "r-3"]
    assert lines[1]["entities"] == []
    first = {(e["type"], e["canonical"], e["role"]) for e in lines[0]["entities"]}
    assert ("repository", "https://github.com/a/cmim", "has_code") in first
    assert ("method", "cMIM", "proposes") in first
    for record, line in zip(records, lines):
        for entity in line["entities"]:
            assert set(entity) == {"type", "text", "canonical", "role", "field", "start", "end", "source", "kind"}
            assert entity["kind"] in ("name", "concept", "generic", "description")
            assert record[entity["field"]][entity["start"]:entity["end"]] == entity["text"]
