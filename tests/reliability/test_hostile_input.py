"""Malformed and hostile records never crash `kg build`: strict stops cleanly, --skip-bad keeps the good.

Each case goes through the installed CLI (what users run) and through the Python
functions (what the CLI calls), so a crash in either surfaces here.
"""
from __future__ import annotations

import json
import os
import re
import subprocess

import pytest

from kg import mirror
from kg.build import build_graph
from kg.errors import InputError
from loaders.readers import read_records

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# line -> (raw line, what the reason must say): one of each kind of damage
BAD_LINES = {
    2: ('{"id": "bad-json", "title": "Broken" "abstract": "x"}', "invalid JSON"),
    4: ('{"id": "bad-type", "title": 12345}', "'title' must be a string"),
    6: ('{"abstract": "A paper with no title and no id."}', "no title and no id"),
    8: ('{"id": "bad-authors", "title": "T", "authors": {"name": "Ada"}}', "'authors'"),
    10: ('"just a string"', "expected a JSON object"),
    12: ('{"id": "bad-date", "title": "T", "date": "2024-13-45"}', "not a YYYY-MM-DD date"),
    13: ('{"id": "bad-truncated", "title": "Cut off', "invalid JSON"),
}


def _good_records(hostile_texts: dict, control_text: str) -> dict[int, dict]:
    texts = [*hostile_texts.values(), control_text, "A paper without an abstract"]
    good_lines = [n for n in range(1, len(texts) + len(BAD_LINES) + 1) if n not in BAD_LINES]
    records = {}
    for n, text in zip(good_lines, texts):
        record = {"id": f"good-{n}", "title": text}
        if text != texts[-1]:
            record["abstract"] = f"We propose {text}. We evaluate it with BERT on ImageNet."
        records[n] = record
    return records


@pytest.fixture
def mixed_file(tmp_path, hostile_texts, control_text, write_jsonl):
    """A JSONL file of good hostile records with one bad record of every kind in between."""
    good = _good_records(hostile_texts, control_text)
    lines = [BAD_LINES[n][0] if n in BAD_LINES else good[n] for n in range(1, len(good) + len(BAD_LINES) + 1)]
    return write_jsonl(tmp_path / "mixed.jsonl", lines), good


def _expected_title(text: str) -> str:
    return " ".join(_CONTROL.sub("", text).split())


def _paper_titles(G) -> list[str]:
    return sorted(a["title"] for _, a in G.nodes(data=True) if a["label"] == "Paper" and not a.get("stub"))


def test_strict_build_stops_at_the_first_bad_record_and_writes_nothing(mixed_file, tmp_path, run_kg):
    path, _ = mixed_file
    out = tmp_path / "out"
    result = run_kg("build", path, "--out", out, "--workers", 1)
    assert result.returncode == InputError.exit_code
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"kg: error: {path}:2: invalid JSON")
    assert "Traceback" not in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_skip_bad_build_reports_each_bad_record_and_keeps_every_good_one(mixed_file, tmp_path, run_kg):
    path, good = mixed_file
    out = tmp_path / "out"
    result = run_kg("build", path, "--out", out, "--workers", 1, "--skip-bad")
    assert result.returncode == 0, result.stderr
    for line, (_, reason) in BAD_LINES.items():
        assert re.search(rf"{re.escape(str(path))}:{line}: .*{re.escape(reason)}", result.stderr), (line, result.stderr)
    assert "Traceback" not in result.stderr
    G = mirror.read(out)
    assert _paper_titles(G) == sorted(_expected_title(r["title"]) for r in good.values())
    no_abstract = next(a for _, a in G.nodes(data=True) if a.get("title") == "A paper without an abstract")
    assert "abstract" not in no_abstract  # unknown values are absent, and the paper is still there


def test_evidence_offsets_hold_on_hostile_abstracts(mixed_file, tmp_path, run_kg):
    path, _ = mixed_file
    out = tmp_path / "out"
    run_kg("build", path, "--out", out, "--workers", 1, "--skip-bad", check=True)
    G = mirror.read(out)
    extracted = [(u, a) for u, _, k, a in G.edges(keys=True, data=True) if k not in ("CITES", "AUTHORED")]
    assert extracted, "BERT/ImageNet in every abstract: extraction found nothing"
    for paper, attrs in extracted:
        text = G.nodes[paper][attrs["field"]]
        assert 0 <= attrs["start"] < attrs["end"] <= len(text)
        assert text[attrs["start"]:attrs["end"]] in attrs["sentence"]


def test_python_readers_agree_with_the_cli(mixed_file):
    path, good = mixed_file
    with pytest.raises(InputError) as caught:
        list(read_records([path]))
    assert (caught.value.line, caught.value.path) == (2, str(path))
    errors = []
    papers = list(read_records([path], skip_bad=True, on_bad=errors.append))
    assert [e.line for e in errors] == sorted(BAD_LINES)
    assert [p.title for p in papers] == [_expected_title(r["title"]) for _, r in sorted(good.items())]
    assert all(p.record_id == r["id"] for p, (_, r) in zip(papers, sorted(good.items())))


def test_python_build_strict_raises_input_error_and_skip_bad_counts(mixed_file):
    path, good = mixed_file
    with pytest.raises(InputError):
        build_graph([path], workers=1)
    G, report = build_graph([path], workers=1, skip_bad=True, on_bad=lambda error: None)
    assert report.bad_records == len(BAD_LINES)
    assert report.records == len(good) == report.papers


def test_megabyte_abstract_builds(tmp_path, write_jsonl, run_kg):
    sentence = "We fine-tune BERT on SQuAD and report F1. "
    abstract = sentence * (1_100_000 // len(sentence))
    assert len(abstract) > 1_000_000  # past spaCy's default nlp.max_length
    path = write_jsonl(tmp_path / "huge.jsonl", [{"id": "huge", "title": "A very long abstract",
                                                  "abstract": abstract},
                                                 {"id": "small", "title": "A small paper"}])
    out = tmp_path / "out"
    try:  # the sample's 443 papers build in seconds; one long abstract must not take hours
        result = run_kg("build", path, "--out", out, "--workers", 1, timeout=180)
    except subprocess.TimeoutExpired:
        pytest.fail("kg build on a 1.1 MB abstract ran past 180 s: extraction is superlinear in text length")
    assert result.returncode == 0, result.stderr[-2000:]
    G = mirror.read(out)
    huge = G.nodes["paper:id:huge"] if "paper:id:huge" in G else next(
        a for _, a in G.nodes(data=True) if a.get("title") == "A very long abstract")
    assert len(huge["abstract"]) == len(abstract.strip())
    assert len(_paper_titles(G)) == 2


def test_punctuation_only_titles_stay_distinct_papers(tmp_path, write_jsonl):
    """Titles without words have an empty title key; different ones must not merge into one paper."""
    from loaders.merge import merge_papers
    path = write_jsonl(tmp_path / "punct.jsonl", [{"title": "?!"}, {"title": "..."}, {"title": "?!"}])
    papers = merge_papers(list(read_records([path])))
    assert sorted(p.title for p in papers) == ["...", "?!"]
    assert len({p.key for p in papers}) == 2


def test_extract_strict_and_skip_bad(mixed_file, tmp_path, run_kg):
    path, good = mixed_file
    output = tmp_path / "mentions.jsonl"
    strict = run_kg("extract", path, "--output", output)
    assert strict.returncode == InputError.exit_code
    assert strict.stderr.strip().splitlines() == [strict.stderr.strip()]
    assert strict.stderr.startswith(f"kg: error: {path}:2: invalid JSON")
    assert not output.exists()
    skipped = run_kg("extract", path, "--output", output, "--skip-bad")
    assert skipped.returncode == 0, skipped.stderr
    assert all(f"{path}:{line}:" in skipped.stderr for line in BAD_LINES)
    lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == [r["id"] for _, r in sorted(good.items())]
    for line, (_, record) in zip(lines, sorted(good.items())):
        text = {"title": _expected_title(record["title"]), "abstract": _CONTROL.sub("", record.get("abstract", "")).strip()}
        for entity in line["entities"]:
            assert text[entity["field"]][entity["start"]:entity["end"]] == entity["text"]


@pytest.mark.parametrize("name, content", [
    ("deep.json", "[" * 100_000 + "]" * 100_000),
    ("deep.jsonl", '{"title": "A", "abstract": ' + "[" * 100_000 + "]" * 100_000 + "}\n"),
])
@pytest.mark.parametrize("skip_bad", [False, True])
def test_json_nested_100000_deep_is_one_line_and_exit_3(tmp_path, run_kg, name, content, skip_bad):
    path = tmp_path / name
    path.write_text(content)
    out = tmp_path / "out"
    result = run_kg("build", path, "--out", out, "--workers", 1, *(["--skip-bad"] if skip_bad else []))
    assert result.returncode == InputError.exit_code and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].startswith(f"kg: error: {path}:1: JSON nested too deeply")
    assert len(result.stderr.splitlines()) == 1 + skip_bad  # with --skip-bad, the skip is reported first
    assert not out.exists()


def test_lone_surrogate_escape_builds_replaced_with_one_warning(tmp_path, run_kg):
    path = tmp_path / "surrogates.jsonl"
    path.write_text('{"id": "s1", "title": "Lone \\ud800 high", "abstract": "We use BERT \\udfff."}\n'
                    '{"id": "s2", "title": "Another \\udc00 one"}\n'
                    '{"id": "s3", "title": "A pair \\ud83d\\ude00 is a character"}\n', encoding="ascii")
    out = tmp_path / "out"
    result = run_kg("build", path, "--out", out, "--workers", 1)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "surrogate" in line]
    assert warnings == [f"kg: warning: {path}:1: lone surrogate escapes replaced by U+FFFD (reported once per file)"]
    titles = sorted(a["title"] for _, a in mirror.read(out).nodes(data=True) if a["label"] == "Paper")
    assert titles == ["A pair \U0001F600 is a character", "Another \ufffd one", "Lone \ufffd high"]


def test_csv_abstract_over_128_kib_builds(tmp_path, run_kg):
    abstract = "We fine-tune BERT on SQuAD. " * 6000
    assert len(abstract) > 128 * 1024
    path = tmp_path / "papers.csv"
    path.write_text(f'id,title,abstract\nbig,A long one,"{abstract}"\n')
    out = tmp_path / "out"
    result = run_kg("build", path, "--out", out, "--workers", 1)
    assert result.returncode == 0, result.stderr
    assert mirror.read(out).nodes["paper:id:big"]["abstract"] == abstract.strip()


def _into_closed_pipe(run_kg, *args):
    """Run kg with stdout a pipe whose reader is already gone (as `kg ... | head` once head exits)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return run_kg(*args, stdout=write_end)
    finally:
        os.close(write_end)


def test_a_closed_output_pipe_ends_quietly_for_every_verb(tmp_path, run_kg, schema_graph):
    from kg.cli import EXIT_PIPE_CLOSED, VERBS
    mirror.write(schema_graph(0, 50), tmp_path)
    for args in (["info", tmp_path], ["query", "top_entities", "--graph", tmp_path], ["query", "--list"]):
        result = _into_closed_pipe(run_kg, *args)
        assert (result.returncode, result.stderr) == (EXIT_PIPE_CLOSED, ""), args
    for args in [["--help"], *([verb, "--help"] for verb in VERBS)]:
        result = _into_closed_pipe(run_kg, *args)  # argparse itself swallows the failed write of a help text
        assert result.returncode in (0, EXIT_PIPE_CLOSED) and result.stderr == "", args
