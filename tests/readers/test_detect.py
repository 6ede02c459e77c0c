"""Format auto-detection, per file."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.errors import InputError
from loaders.readers import FORMATS, detect_format, read_records

FORMATS_DIR = Path(__file__).resolve().parents[1] / "data" / "formats"

EXPECTED = {
    "hf-page-mixed.txt": "hf-page",
    "hf-daily-papers.json": "hf-api",
    "hf-paper.json": "hf-api",
    "arxiv-snapshot.jsonl": "arxiv",
    "s2-search.json": "s2",
    "s2-citations.json": "s2",
    "s2orc-metadata.jsonl": "s2orc",
    "openalex-work.json": "openalex",
    "openalex-page.json": "openalex",
    "plain.jsonl": "jsonl",
    "plain.csv": "csv",
}


def test_format_names():
    assert FORMATS == ("hf-page", "hf-api", "arxiv", "s2", "s2orc", "openalex", "jsonl", "csv")
    assert set(EXPECTED.values()) == set(FORMATS)


@pytest.mark.parametrize("name, expected", sorted(EXPECTED.items()))
def test_every_sample_is_detected(name, expected):
    assert detect_format(FORMATS_DIR / name) == expected


def test_real_files_are_detected(shared_dir):
    assert detect_format(shared_dir / "formats" / "semantic-scholar" / "Paper.json") == "s2"
    assert {detect_format(p) for p in (shared_dir / "seeds").glob("*.txt")} == {"hf-page"}


def test_detection_by_content_not_name(tmp_path):
    # The Kaggle snapshot is JSON Lines named ".json"; a CSV may have any extension.
    snapshot = tmp_path / "arxiv-metadata-oai-snapshot.json"
    shutil.copy(FORMATS_DIR / "arxiv-snapshot.jsonl", snapshot)
    table = tmp_path / "papers.dat"
    table.write_text('id,"title",abstract\np1,A Title,An abstract\n')
    assert (detect_format(snapshot), detect_format(table)) == ("arxiv", "csv")
    assert [p.sources for p in read_records([snapshot, table])] == [["arxiv"]] * 4 + [["csv"]]


def test_broken_first_record_does_not_hide_the_format(tmp_path):
    path = tmp_path / "works.jsonl"
    work = json.loads((FORMATS_DIR / "openalex-work.json").read_text())
    path.write_text('{"id": "https://openalex.org/W1", "title": \n' + json.dumps(work) + "\n")
    assert detect_format(path) == "openalex"
    errors = []
    (paper,) = read_records([path], skip_bad=True, on_bad=errors.append)
    assert paper.sources == ["openalex"] and [e.line for e in errors] == [1]


def test_each_file_is_detected_on_its_own():
    papers = list(read_records([FORMATS_DIR / "s2-search.json", FORMATS_DIR / "plain.csv"]))
    # Attention and BERT, then the four papers they reference (S2 gives their titles), then the table.
    assert [p.sources[0] for p in papers] == ["s2"] * 6 + ["csv", "csv"]


def test_undetectable_file_is_an_input_error(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("just\na few\nshort lines\n")
    with pytest.raises(InputError, match="cannot tell the input format"):
        detect_format(path)
