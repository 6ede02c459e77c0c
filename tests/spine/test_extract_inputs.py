"""`kg extract` on records without titles: an id and an abstract are enough, the ids come back."""
from __future__ import annotations

import json

UNITS = 60  # of the development gold, SciERC abstracts and TDMSci sentences alike


def test_title_less_units_give_one_line_each_with_their_ids(shared_dir, tmp_path, run_kg):
    gold = (shared_dir / "eval-dev" / "gold-dev.jsonl").read_text(encoding="utf-8").splitlines()
    units = [json.loads(line) for line in gold[:UNITS // 2] + gold[-UNITS // 2:]]
    assert {unit["source"] for unit in units} == {"scierc", "tdmsci"}
    path = tmp_path / "units.jsonl"
    path.write_text("".join(json.dumps({"id": u["id"], "abstract": u["abstract"]}) + "\n" for u in units))
    output = tmp_path / "mentions.jsonl"
    result = run_kg("extract", path, "--output", output)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == [u["id"] for u in units]
    found = [entity for line in lines for entity in line["entities"]]
    assert len(found) > UNITS  # the abstracts were read, not only the ids
    for line, unit in zip(lines, units):
        for entity in line["entities"]:
            assert entity["field"] == "abstract"
            assert unit["abstract"][entity["start"]:entity["end"]] == entity["text"]


def test_a_record_with_neither_title_nor_id_is_still_bad(tmp_path, run_kg):
    path = tmp_path / "units.jsonl"
    path.write_text('{"id": "u1", "abstract": "We use BERT."}\n{"abstract": "Whose abstract is this?"}\n')
    result = run_kg("extract", path, "--output", tmp_path / "mentions.jsonl")
    assert result.returncode == 3
    assert result.stderr.strip() == f"kg: error: {path}:2: no title and no id"
