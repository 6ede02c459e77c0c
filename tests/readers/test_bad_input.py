"""Malformed records: strict errors name FILE:LINE, skip-bad keeps every good record."""
from __future__ import annotations

import pytest

from kg.errors import InputError, UsageError
from loaders.readers import read_records

GOOD = '{"id": "g%d", "title": "Good paper %d"}'
BAD_LINES = {
    2: ('{"id": "b2", "title": "Broken" "abstract": "x"}', "invalid JSON: Expecting ',' delimiter"),
    4: ('{"abstract": "no title and no id here"}', "no title and no id"),
    5: ('{"id": "b5", "title": "T", "authors": 42}', "'authors' must be a list of strings or a ';'-separated string"),
    7: ('{"title": "   ", "doi": ""}', "no title and no id"),
    8: ('42', "expected a JSON object, got int"),
    9: ('{"id": "b9", "title": "T", "year": "MMXX"}', "'year' must be an integer"),
}


@pytest.fixture
def mixed(tmp_path):
    lines = [BAD_LINES[n][0] if n in BAD_LINES else GOOD % (n, n) for n in range(1, 12)]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_strict_stops_at_first_bad_record_with_its_line(mixed):
    papers = []
    with pytest.raises(InputError) as caught:
        papers.extend(read_records([mixed]))
    assert str(caught.value) == f"{mixed}:2: invalid JSON: Expecting ',' delimiter"
    assert (caught.value.line, caught.value.reason) == (2, "invalid JSON: Expecting ',' delimiter")
    assert [p.title for p in papers] == ["Good paper 1"]


def test_skip_bad_reports_each_bad_record_and_keeps_every_good_one(mixed):
    errors = []
    papers = list(read_records([mixed], skip_bad=True, on_bad=errors.append))
    assert [(e.line, e.reason) for e in errors] == [(n, reason) for n, (_, reason) in sorted(BAD_LINES.items())]
    good = [n for n in range(1, 12) if n not in BAD_LINES]
    assert [p.title for p in papers] == [f"Good paper {n}" for n in good]
    assert [p.origin for p in papers] == [f"{mixed}:{n}" for n in good]


def test_skip_bad_without_handler_warns_on_stderr(mixed, capsys):
    papers = list(read_records([mixed], skip_bad=True))
    assert len(papers) == 5
    err = capsys.readouterr().err
    assert f"{mixed}:4: no title and no id" in err and err.count("\n") == len(BAD_LINES)


def test_broken_json_document_names_the_line(tmp_path):
    path = tmp_path / "page.json"
    path.write_text('{"data": [\n  {"paperId": "a", "title": "A"},\n  {"paperId": "b", "title": "B"\n]}\n')
    with pytest.raises(InputError) as caught:
        list(read_records([path], format="s2"))
    assert caught.value.line == 4 and caught.value.reason.startswith("invalid JSON: Expecting")


def test_wrong_field_types_in_structured_formats(tmp_path):
    path = tmp_path / "s2.json"
    path.write_text('[{"paperId": "a", "title": "A", "authors": "Ada"},\n {"paperId": "b", "title": "B"}]')
    errors = []
    papers = list(read_records([path], skip_bad=True, on_bad=errors.append))
    assert [str(e) for e in errors] == [f"{path}:1: 'authors' must be a list"]
    assert [p.title for p in papers] == ["B"]


def test_undecodable_bytes_are_replaced_with_one_warning(tmp_path, capsys):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b'{"title": "Caf\xe9 au lait"}\n{"title": "Na\xefve Bayes"}\n{"title": "Plain"}\n')
    papers = list(read_records([path]))
    assert [p.title for p in papers] == ["Caf\ufffd au lait", "Na\ufffdve Bayes", "Plain"]
    err = capsys.readouterr().err
    assert err.count("U+FFFD") == 1 and f"{path}:1: undecodable bytes" in err


def test_undecodable_bytes_in_a_page_dump(tmp_path, capsys):
    path = tmp_path / "page.txt"
    path.write_bytes(b"A Title \xff\n\n" + b"An abstract sentence. " * 12 + b"\n")
    (paper,) = read_records([path])
    assert paper.title == "A Title \ufffd" and paper.sources == ["hf-page"]
    assert "undecodable" in capsys.readouterr().err


def test_control_characters_are_stripped_from_titles_and_abstract_edges(tmp_path):
    path = tmp_path / "ctl.jsonl"
    path.write_text('{"title": "Bad\\u0000 \\u0007Title\\r\\n", "abstract": "\\u0000 Keep  this\\ttext\\n\\nverbatim. \\n"}\n')
    (paper,) = read_records([path])
    assert paper.title == "Bad Title"
    assert paper.abstract == "Keep  this\ttext\n\nverbatim."


def test_missing_file_and_unknown_format(tmp_path):
    with pytest.raises(InputError) as caught:
        list(read_records([tmp_path / "nope.jsonl"], format="jsonl"))
    assert str(caught.value).startswith(f"{tmp_path / 'nope.jsonl'}: cannot read")
    with pytest.raises(InputError):
        list(read_records([tmp_path / "nope.json"]))
    with pytest.raises(UsageError):
        list(read_records([tmp_path / "x.json"], format="bibtex"))


def test_empty_file_gives_no_records(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n")
    assert list(read_records([path])) == []
