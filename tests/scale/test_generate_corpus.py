"""The benchmark corpus generator: arXiv-snapshot records (wrapped, dated, cited), deterministic, long-tailed."""
from __future__ import annotations

import importlib.util
import json
import math
import sys
from email.utils import parsedate_to_datetime

import pytest

from loaders.merge import merge_papers
from loaders.readers import detect_format, read_records

PAPERS = 1200


@pytest.fixture(scope="module")
def generator(repo_root):
    spec = importlib.util.spec_from_file_location("generate_corpus", repo_root / "bench" / "generate_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and the (forked) pool look the module up by name
    spec.loader.exec_module(module)
    module.CHUNK = 250  # several chunks, so worker scheduling could reorder them if it were wrong
    return module


@pytest.fixture(scope="module")
def corpus(generator, tmp_path_factory):
    directory = tmp_path_factory.mktemp("corpus")
    paths = {}
    for name, workers in (("one", 1), ("two", 2)):
        paths[name] = directory / f"{name}.jsonl"
        generator.generate(PAPERS, str(paths[name]), seed=7, citations=str(directory / f"{name}-s2orc.jsonl"),
                           workers=workers)
    paths["citations"] = directory / "two-s2orc.jsonl"
    return paths


def test_output_does_not_depend_on_worker_count(corpus):
    assert corpus["one"].read_bytes() == corpus["two"].read_bytes()


def test_records_are_arxiv_snapshot_records_with_unique_ids_and_titles(corpus):
    assert detect_format(corpus["two"]) == "arxiv"
    papers = list(read_records([corpus["two"]]))
    assert len(papers) == PAPERS
    assert len({p.arxiv_id for p in papers}) == PAPERS
    assert len({p.title for p in papers}) == PAPERS
    assert all(p.abstract and p.authors and p.published and p.categories for p in papers)
    first = json.loads(corpus["two"].read_text().splitlines()[0])
    assert {"id", "title", "abstract", "authors", "authors_parsed", "categories", "update_date",
            "versions", "doi"} <= first.keys()


def test_names_are_long_tailed_made_up_names_and_some_real_ones(generator, corpus):
    text = corpus["two"].read_text()
    names = {m.group() for m in generator.NAME.finditer(text)}
    assert {"CLIP", "LLMs"} & names  # real names stay, as the head of the distribution
    made_up = {generator.made_up_name(rank, "CLIP") for rank in range(2000)}
    assert len(names & made_up) > 20  # and a tail of made-up ones of the same shape


def test_abstracts_are_wrapped_like_the_snapshot(corpus):
    lines = [json.loads(line) for line in corpus["two"].read_text().splitlines()]
    for paper in lines:
        abstract = paper["abstract"]
        assert abstract.startswith("  ") and abstract[2] != " " and abstract.endswith("\n")
        rows = abstract[:-1].split("\n")
        assert all(0 < len(row) <= 80 or " " not in row.strip() for row in rows)  # or one unbreakable word
        assert all(not row.endswith(" ") and "  " not in row.lstrip() for row in rows)
        assert all(row[0] != " " or row.startswith("  ") for row in rows)  # paragraphs start with two spaces
        assert "\n\n" not in abstract
        assert all(len(row) <= 72 for row in paper["title"].split("\n  "))
    assert sum(abstract.count("\n") for abstract in (p["abstract"] for p in lines)) > 8 * len(lines)
    assert any("\n  " in p["abstract"] for p in lines)  # some paragraph breaks
    assert any("\n  " in p["title"] for p in lines)  # and some wrapped titles
    # filled: a line is broken only where the next word would not fit
    for paper in lines[:200]:
        rows = paper["abstract"][:-1].split("\n")
        for row, following in zip(rows, rows[1:]):
            if not following.startswith("  "):
                assert len(row) + 1 + len(following.split(" ")[0]) > 80


def test_snapshot_fields_are_valid_and_dates_agree_with_the_id(corpus):
    for line in corpus["two"].read_text().splitlines():
        paper = json.loads(line)
        year, month = 2000 + int(paper["id"][:2]), int(paper["id"][2:4])
        assert len(paper["id"]) == 10 and paper["id"][4] == "."
        created = [parsedate_to_datetime(v["created"]) for v in paper["versions"]]
        assert [v["version"] for v in paper["versions"]] == [f"v{n}" for n in range(1, len(created) + 1)]
        assert (created[0].year, created[0].month) == (year, month)
        assert created == sorted(created)
        assert all(v["created"][:3] == ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[c.weekday()]
                   for v, c in zip(paper["versions"], created))
        assert paper["update_date"] == created[-1].date().isoformat()
        assert [f"{first} {last}" for last, first, _ in paper["authors_parsed"]] == \
            paper["authors"].replace(" and ", ", ").split(", ")
        assert paper["submitter"] == " ".join(paper["authors_parsed"][0][1::-1])


def test_ids_and_dates_span_years(generator):
    assert generator.arxiv_id(0) == "1501.00001"
    assert generator.arxiv_id(2_499_999)[:4] == "2505"
    assert len({generator.arxiv_id(i)[:2] for i in range(0, 2_500_000, 10_000)}) == 11


def test_vocabulary_grows_like_real_text(generator, tmp_path):
    """Heaps' law: distinct words keep growing, ~n**0.5 between 2k and 20k records (the old corpus: ~0.1)."""
    path = tmp_path / "20k.jsonl"
    generator.generate(20_000, str(path), seed=3, workers=2)
    counts = generator.distinct_words(str(path), [2_000, 20_000])
    exponent = math.log(counts[20_000] / counts[2_000]) / math.log(10)
    assert counts[2_000] > 15_000
    assert 0.4 < exponent < 0.7, counts


def test_citation_records_merge_onto_the_papers_and_cite_earlier_ones(corpus):
    papers = merge_papers(read_records([corpus["two"], corpus["citations"]]))
    assert len(papers) == PAPERS
    assert all(p.sources == ["arxiv", "s2orc"] for p in papers)
    assert sum(len(p.references) for p in papers) > PAPERS


def test_seed_change_changes_the_corpus(generator, corpus, tmp_path):
    other = tmp_path / "other.jsonl"
    generator.generate(50, str(other), seed=8, workers=1)
    first_lines = corpus["one"].read_text().splitlines()[:50]
    assert other.read_text().splitlines() != first_lines
