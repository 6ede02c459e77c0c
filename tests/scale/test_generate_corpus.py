"""The benchmark corpus generator: real arXiv-snapshot records, unique, deterministic, varied names."""
from __future__ import annotations

import importlib.util
import json
import sys

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


def test_names_get_versions_so_distinct_names_grow(generator, corpus):
    text = corpus["two"].read_text()
    versioned = {m.group() for m in generator.NAME.finditer(text) if "-" in m.group() and m.group()[-1].isdigit()}
    assert len(versioned) > 50


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
