"""Plain JSONL and CSV records."""
from __future__ import annotations

from pathlib import Path

from loaders.readers import read_records

FORMATS_DIR = Path(__file__).resolve().parents[1] / "data" / "formats"


def test_plain_jsonl_ids_authors_and_dates():
    arxiv, own, numeric = read_records([FORMATS_DIR / "plain.jsonl"])
    assert arxiv.sources == ["jsonl"]
    assert (arxiv.arxiv_id, arxiv.external_ids, arxiv.record_id) == ("2401.01234", {}, "2401.01234")
    assert (arxiv.date, arxiv.published, arxiv.year) == ("2024-01-03", "2024-01-03", 2024)
    assert arxiv.authors == ["Ada Lovelace", "Alan Turing"] and arxiv.authors_count == 2
    assert (own.arxiv_id, own.external_ids, own.record_id) == (None, {"id": "paper-42"}, "paper-42")
    assert own.authors == ["Grace Hopper", "Edsger Dijkstra"] and own.year == 1968
    assert own.key == "doi:10.1145/362929.362947" and own.abstract == ""
    assert (numeric.record_id, numeric.key, numeric.date, numeric.year) == ("7", "id:7", "Feb 26", None)


def test_plain_csv_rows_multiline_fields_and_start_lines():
    first, second = read_records([FORMATS_DIR / "plain.csv"])
    assert first.sources == ["csv"]
    assert (first.arxiv_id, first.year, first.doi) == ("2401.01234", 2024, None)
    assert first.abstract == "We propose X.\nIt spans two lines."
    assert first.authors == ["Ada Lovelace", "Alan Turing"]
    assert second.title == "A Paper, With a Comma" and second.external_ids == {"id": "paper-42"}
    assert [p.origin.rsplit(":", 1)[1] for p in (first, second)] == ["2", "4"]


def test_csv_header_case_and_tsv(tmp_path):
    path = tmp_path / "papers.tsv"
    path.write_text("ID\t Title \tAuthors\nx1\tTabbed Paper\tA; B\n")
    (paper,) = read_records([path])
    assert (paper.title, paper.record_id, paper.authors, paper.sources) == ("Tabbed Paper", "x1", ["A", "B"], ["csv"])
