"""Property-based: every reader, fed valid and corrupted records, raises nothing but InputError.

Records are generated per format (valid shapes, then with fields of the wrong type,
fields dropped, or the serialised text cut and spliced), written to a file, and read
in strict and in skip-bad mode. Reading the same file twice gives the same papers.
"""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from dataclasses import asdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from loaders.readers import read_records

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HOSTILE = ['x"}) MATCH (n) DETACH DELETE n //', "' OR 1=1 //", "<script>alert(1)</script>",
           "\u202eevil\u202c", "a\u200bb", "\U0001F600", "?!...", "\x00\x07", "\\u0000", "`"]

# Text without lone surrogates (a UTF-8 file cannot hold them), hostile strings over-represented.
text = st.one_of(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40), st.sampled_from(HOSTILE))
title = st.one_of(text, st.text("abcXYZ -", min_size=1, max_size=20))
json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), text)
json_value = st.recursive(json_scalar, lambda children: st.one_of(
    st.lists(children, max_size=3), st.dictionaries(text, children, max_size=3)), max_leaves=6)
date = st.one_of(st.dates().map(str), text)
arxiv_id = st.one_of(st.from_regex(r"\A2[0-4][01]\d\.\d{5}(v\d)?\Z"), text)
names = st.lists(title, max_size=3)


def _record(**fields) -> st.SearchStrategy[dict]:
    """A valid-shaped record: every field optional except those given as required below."""
    required = {k: v for k, v in fields.items() if not k.startswith("opt_")}
    optional = {k[4:]: v for k, v in fields.items() if k.startswith("opt_")}
    return st.fixed_dictionaries(required, optional=optional)


VALID = {
    "jsonl": _record(title=title, opt_id=st.one_of(arxiv_id, st.integers()), opt_abstract=text,
                     opt_authors=st.one_of(names, text), opt_date=date, opt_year=st.integers(0, 3000),
                     opt_doi=text, opt_categories=st.one_of(names, text), opt_upvotes=st.integers(0, 10**6)),
    "hf-api": st.fixed_dictionaries({"paper": _record(
        id=arxiv_id, title=title, summary=text, opt_upvotes=st.integers(0, 999),
        opt_publishedAt=st.datetimes().map(lambda d: d.isoformat() + "Z"),
        opt_authors=st.lists(st.fixed_dictionaries({"name": title}), max_size=3), opt_githubRepo=text)}),
    "arxiv": _record(id=arxiv_id, submitter=title, title=title, abstract=text, authors=text,
                     versions=st.lists(st.fixed_dictionaries({"version": st.just("v1"), "created": st.just(
                         "Mon, 2 Apr 2007 19:18:42 GMT")}), max_size=1),
                     opt_authors_parsed=st.lists(st.lists(title, min_size=3, max_size=3), max_size=3),
                     opt_categories=text, opt_doi=text),
    "s2": _record(paperId=st.text("0123456789abcdef", min_size=1, max_size=40), title=title,
                  opt_abstract=st.one_of(st.none(), text), opt_year=st.integers(1900, 2030),
                  opt_externalIds=st.dictionaries(st.sampled_from(["ArXiv", "DOI", "MAG", "CorpusId"]),
                                                  st.one_of(text, st.integers())),
                  opt_authors=st.lists(st.fixed_dictionaries({"name": title}), max_size=3),
                  opt_references=st.lists(st.fixed_dictionaries({"paperId": text, "title": title}), max_size=3),
                  opt_publicationDate=st.dates().map(str)),
    "s2orc": _record(paper_id=st.integers(1, 10**9).map(str), title=title, opt_abstract=text,
                     opt_outbound_citations=st.lists(text, max_size=3), opt_year=st.integers(1900, 2030),
                     opt_authors=st.lists(st.fixed_dictionaries({"first": title, "last": title,
                                                                 "middle": names}), max_size=2)),
    "openalex": _record(id=st.integers(1, 10**9).map(lambda n: f"https://openalex.org/W{n}"),
                        display_name=title,
                        opt_abstract_inverted_index=st.dictionaries(text, st.lists(st.integers(0, 50),
                                                                                   max_size=3), max_size=5),
                        opt_publication_date=st.dates().map(str), opt_referenced_works=st.lists(text, max_size=3),
                        opt_authorships=st.lists(st.fixed_dictionaries(
                            {"author": st.fixed_dictionaries({"display_name": title})}), max_size=2)),
}
VALID["csv"] = VALID["jsonl"]


@st.composite
def corrupted(draw, valid: st.SearchStrategy[dict]):
    """A valid record with one field dropped, retyped, or a nested dict turned into junk."""
    record = draw(valid)
    target = record["paper"] if "paper" in record and isinstance(record["paper"], dict) else record
    if target:
        name = draw(st.sampled_from(sorted(target)))
        if draw(st.booleans()):
            del target[name]
        else:
            target[name] = draw(json_value)
    return record


@st.composite
def json_lines(draw, fmt: str) -> str:
    """JSON Lines text: valid and corrupted records, some lines cut or spliced as raw text."""
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        record = draw(st.one_of(VALID[fmt], corrupted(VALID[fmt]), json_value))
        line = json.dumps(record, ensure_ascii=draw(st.booleans()))
        if draw(st.integers(0, 5)) == 0:  # cut the line or splice junk into it
            cut = draw(st.integers(0, len(line)))
            line = line[:cut] + draw(st.sampled_from(["", "\u0000", '"', "}{", "\ufeff"]))
        lines.append(line)
    return "\n".join(lines) + "\n"


@st.composite
def csv_table(draw) -> str:
    rows = draw(st.lists(st.one_of(VALID["jsonl"], corrupted(VALID["jsonl"])), min_size=1, max_size=4))
    header = draw(st.permutations(["id", "title", "abstract", "authors", "date", "year", "doi"]))
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        cells = [row.get(name, "") for name in header]
        writer.writerow([c if isinstance(c, str) else json.dumps(c) for c in cells][:draw(st.integers(1, 7))])
    return buffer.getvalue()


@st.composite
def hf_page(draw) -> str:
    """Page-dump text: chrome, titles, long abstract lines, author/date metadata, junk lines."""
    line = st.one_of(
        title, st.sampled_from(["Subscribe", "Daily Papers", "\u00b7", "  \u2022 3 authors", "Feb 26",
                                "Jul 26, 2022", "Sep 10 4", "Sept 31, 2023", "Feb 30, 2024 7", ""]),
        st.builds(lambda words: " ".join(words) + ".", st.lists(title, min_size=20, max_size=40)),
        st.builds(lambda t: (t + " ") * 30, text))
    return "\n".join(draw(st.lists(line, max_size=25))) + "\n"


def _read(content: str, fmt: str, suffix: str) -> tuple[list, list | None, str | None]:
    """(papers read with --skip-bad, bad records, strict-mode outcome) for ``content``."""
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "input" + suffix)
        with open(path, "w", encoding="utf-8", errors="surrogatepass") as handle:
            handle.write(content)
        bad = []
        papers = [asdict(p) for p in read_records([path], format=fmt, skip_bad=True, on_bad=bad.append)]
        try:
            strict = [asdict(p) for p in read_records([path], format=fmt)]
        except InputError as error:
            strict = None
            assert error.line is None or error.line >= 1
            assert "\n" not in str(error)
        again = [asdict(p) for p in read_records([path], format=fmt, skip_bad=True, on_bad=lambda e: None)]
    assert papers == again, "same input, different papers"
    if strict is not None:
        assert strict == papers and not bad
    for paper in papers:
        assert isinstance(paper["title"], str) and paper["title"].strip()
        assert isinstance(paper["abstract"], str)
        assert "\x00" not in paper["title"] + paper["abstract"]
    return papers, bad, strict


def _check_detected(content: str, fmt: str, suffix: str) -> None:
    """Auto-detection on the same file either reads it or says it cannot tell: never a crash."""
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "input" + suffix)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(content)
        try:
            list(read_records([path], skip_bad=True, on_bad=lambda e: None))
        except InputError:
            pass


@SETTINGS
@given(st.sampled_from(["jsonl", "hf-api", "arxiv", "s2", "s2orc", "openalex"]).flatmap(
    lambda fmt: st.tuples(st.just(fmt), json_lines(fmt))))
def test_json_line_readers_raise_only_input_errors(case):
    fmt, content = case
    _read(content, fmt, ".jsonl")
    _check_detected(content, fmt, ".jsonl")


@SETTINGS
@given(st.sampled_from(["jsonl", "hf-api", "s2", "openalex"]).flatmap(
    lambda fmt: st.tuples(st.just(fmt), st.lists(st.one_of(VALID[fmt], corrupted(VALID[fmt])), max_size=4),
                          st.sampled_from(["list", "data", "results"]))))
def test_json_document_readers_raise_only_input_errors(case):
    fmt, records, container = case
    document = records if container == "list" else {container: records, "meta": {"count": len(records)}}
    _read(json.dumps(document, indent=1), fmt, ".json")


@SETTINGS
@given(st.sampled_from(list(VALID)).flatmap(lambda fmt: VALID[fmt].map(lambda r: (fmt, r))))
def test_valid_records_are_read_with_their_title(case):
    fmt, record = case
    papers, bad, _ = _read(json.dumps(record) + "\n", fmt if fmt != "csv" else "jsonl", ".jsonl")
    raw_title = (record.get("paper") or record).get("title") or record.get("display_name")
    if bad:  # a valid shape may still carry an unreadable value: then the reason names a field
        assert len(bad) == 1 and bad[0].line == 1
    else:
        assert len(papers) == 1
        assert papers[0]["title"] == " ".join(
            "".join(c for c in raw_title if not (ord(c) < 32 or 127 <= ord(c) < 160)).split())


@SETTINGS
@given(csv_table())
def test_csv_reader_raises_only_input_errors(content):
    _read(content, "csv", ".csv")


@SETTINGS
@given(hf_page())
def test_hf_page_reader_raises_only_input_errors(content):
    papers, _, _ = _read(content, "hf-page", ".txt")
    for paper in papers:
        assert paper["upvotes"] is None or paper["upvotes"] >= 0
        assert paper["published"] is None or len(paper["published"]) == 10


@SETTINGS
@given(st.binary(max_size=300), st.sampled_from([".jsonl", ".json", ".csv", ".txt"]))
def test_arbitrary_bytes_under_autodetection(data, suffix):
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "input" + suffix)
        with open(path, "wb") as handle:
            handle.write(data)
        try:
            list(read_records([path], skip_bad=True, on_bad=lambda e: None))
        except InputError as error:
            assert str(error).startswith(path)
