"""Property-based: every reader, fed valid and corrupted records, raises nothing but InputError.

Records are generated per format (valid shapes, then with fields of the wrong type,
fields dropped, the serialised text cut and spliced, values nested far past the
recursion limit, lone surrogate escapes, CSV cells past the csv module's default
field limit), written to a file, and read in strict and in skip-bad mode. Reading
the same file twice gives the same papers, and every paper read can be written out
as UTF-8 (what the mirror, `kg extract` and Neo4j do next).
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

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
HOSTILE = ['x"}) MATCH (n) DETACH DELETE n //', "' OR 1=1 //", "<script>alert(1)</script>",
           "\u202eevil\u202c", "a\u200bb", "\U0001F600", "?!...", "\x00\x07", "\\u0000", "`"]

# Any text, lone surrogates included (JSON escapes them as "\\ud800"; written raw they are bad
# UTF-8), hostile strings over-represented.
text = st.one_of(st.text(max_size=40), st.sampled_from(HOSTILE))
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
def deeply_nested(draw) -> str:
    """JSON text of a value nested up to 100,000 lists or objects deep (json.dumps refuses to write one)."""
    depth = draw(st.one_of(st.integers(1, 50), st.integers(900, 1100), st.just(100_000)))
    opener, closer = draw(st.sampled_from([("[", "]"), ('{"a": ', "}")]))
    return opener * depth + "1" + closer * depth


@st.composite
def with_deep_value(draw, record: dict) -> str:
    """``record`` as JSON text, one field (or the whole record) replaced by a deeply nested value."""
    deep = draw(deeply_nested())
    if not record or draw(st.booleans()):
        return deep
    name = draw(st.sampled_from(sorted(record)))
    return json.dumps({**record, name: "\0"}).replace('"\\u0000"', deep)


@st.composite
def json_lines(draw, fmt: str) -> str:
    """JSON Lines text: valid and corrupted records, some lines cut, spliced or nested too deep."""
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        record = draw(st.one_of(VALID[fmt], corrupted(VALID[fmt]), json_value))
        line = json.dumps(record, ensure_ascii=draw(st.booleans()))
        damage = draw(st.integers(0, 7))
        if damage == 0:  # cut the line or splice junk into it
            cut = draw(st.integers(0, len(line)))
            line = line[:cut] + draw(st.sampled_from(["", "\u0000", '"', "}{", "\ufeff"]))
        elif damage == 1 and isinstance(record, dict):
            line = draw(with_deep_value(record))
        lines.append(line)
    return "\n".join(lines) + "\n"


# Cell lengths around and past the csv module's default field limit (128 KiB).
long_cell = st.one_of(text, st.integers(131_000, 300_000).map(lambda n: "We use BERT. " * (n // 13)))


@st.composite
def csv_table(draw) -> str:
    rows = draw(st.lists(st.one_of(VALID["jsonl"], corrupted(VALID["jsonl"])), min_size=1, max_size=4))
    for row in rows:
        if draw(st.booleans()):
            row["abstract"] = draw(long_cell)
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


def _papers(path: str, fmt: str | None, **options) -> list[dict] | None:
    """The papers read from ``path`` as dicts, or None for an InputError (checked to be one clean line)."""
    try:
        return [asdict(p) for p in read_records([path], format=fmt, **options)]
    except InputError as error:
        assert error.line is None or error.line >= 1
        assert "\n" not in str(error) and str(error).startswith(path)
        return None


def _write(directory: str, content: str, suffix: str) -> str:
    path = os.path.join(directory, "input" + suffix)
    with open(path, "w", encoding="utf-8", errors="surrogatepass") as handle:  # raw surrogates: bad UTF-8
        handle.write(content)
    return path


def _read(content: str, fmt: str, suffix: str) -> tuple[list, list | None, str | None]:
    """(papers read with --skip-bad, bad records, strict-mode outcome) for ``content``."""
    with tempfile.TemporaryDirectory() as directory:
        path = _write(directory, content, suffix)
        bad = []
        papers = _papers(path, fmt, skip_bad=True, on_bad=bad.append)
        strict = _papers(path, fmt)
        again = _papers(path, fmt, skip_bad=True, on_bad=lambda e: None)
    assert papers == again, "same input, different papers"
    if papers is None:  # every record was bad: skipping them all is an error too, never an empty success
        assert bad and strict is None
        return [], bad, strict
    if strict is not None:
        assert strict == papers and not bad
    for paper in papers:
        assert isinstance(paper["title"], str) and isinstance(paper["abstract"], str)
        assert paper["title"].strip() or paper["arxiv_id"] or paper["doi"] or paper["external_ids"]
        assert "\x00" not in paper["title"] + paper["abstract"]
        json.dumps(paper, ensure_ascii=False).encode("utf-8")  # a lone surrogate cannot be written out
    return papers, bad, strict


def _check_detected(content: str, fmt: str, suffix: str) -> None:
    """Auto-detection on the same file either reads it or says it cannot tell: never a crash."""
    with tempfile.TemporaryDirectory() as directory:
        _papers(_write(directory, content, suffix), None, skip_bad=True, on_bad=lambda e: None)


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
@given(st.sampled_from(["jsonl", "s2", "openalex"]).flatmap(
    lambda fmt: st.tuples(st.just(fmt), VALID[fmt], st.booleans()).flatmap(
        lambda case: st.tuples(st.just(case[0]), with_deep_value(case[1]), st.just(case[2])))))
def test_deep_nesting_in_a_document_or_a_line_is_one_bad_record(case):
    fmt, deep, as_document = case
    content = f'[{deep},\n {{"title": "After"}}]' if as_document else deep + '\n{"title": "After"}\n'
    papers, bad, _ = _read(content, fmt, ".json" if as_document else ".jsonl")
    if bad and not as_document:  # a JSON Lines file goes on after the bad line
        assert [p["title"] for p in papers][-1:] == ["After"] and bad[0].line == 1


@SETTINGS
@given(st.sampled_from([(0xD800, 0xDBFF), (0xDC00, 0xDFFF)]).flatmap(  # all high or all low: no pair
    lambda r: st.text(st.characters(min_codepoint=r[0], max_codepoint=r[1]), min_size=1, max_size=3)), text)
def test_lone_surrogate_escapes_are_replaced_and_the_record_kept(surrogates, rest):
    line = json.dumps({"id": "s1", "title": rest + surrogates, "abstract": surrogates + " We use BERT."})
    papers, bad, _ = _read(line + "\n" + line + "\n", "jsonl", ".jsonl")
    assert not bad and len(papers) == 2
    assert papers[0]["abstract"] == ("\ufffd" * len(surrogates) + " We use BERT.")


@SETTINGS
@given(st.integers(0, 400_000), st.sampled_from([".csv", ".tsv"]))
def test_csv_cells_of_any_length_are_read_whole(size, suffix):
    abstract = ("We use BERT on SQuAD. " * (size // 22 + 1))[:size].strip()
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect="excel-tab" if suffix == ".tsv" else "excel")
    writer.writerows([["id", "title", "abstract"], ["big", "Long", abstract], ["small", "Short", "x"]])
    papers, bad, _ = _read(buffer.getvalue(), "csv", suffix)
    assert not bad and [(p["record_id"], p["abstract"]) for p in papers] == [("big", abstract), ("small", "x")]


@SETTINGS
@given(st.sampled_from(list(VALID)).flatmap(lambda fmt: VALID[fmt].map(lambda r: (fmt, r))))
def test_valid_records_are_read_with_their_title(case):
    fmt, record = case
    papers, bad, _ = _read(json.dumps(record) + "\n", fmt if fmt != "csv" else "jsonl", ".jsonl")
    fields = record.get("paper") or record
    raw_title = fields["title"] if "title" in fields else record["display_name"]
    if bad:  # a valid shape may still carry an unreadable value: then the reason names a field
        assert len(bad) == 1 and bad[0].line == 1
    else:
        # Then each reference that has a title, as a paper of its own.
        titled = [ref for ref in record.get("references", []) if _cleaned(ref["title"])]
        assert len(papers) == 1 + len(titled)
        assert [p["title"] for p in papers] == [_cleaned(t) for t in [raw_title, *(r["title"] for r in titled)]]


def _cleaned(title: str) -> str:
    """A title as readers should clean it: control characters but tab and newline dropped, whitespace collapsed."""
    kept = "".join(c for c in title if not ((ord(c) < 32 and c not in "\t\n") or 127 <= ord(c) < 160))
    return " ".join(_no_surrogates(kept).split())


def _no_surrogates(value: str) -> str:
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in value)


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
        _papers(path, None, skip_bad=True, on_bad=lambda e: None)
