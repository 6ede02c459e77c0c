"""Hugging Face Daily Papers page dumps: the five real seed pages and a mixed-layout sample."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.model import title_key
from loaders.readers import read_records

FORMATS_DIR = Path(__file__).resolve().parents[1] / "data" / "formats"


@pytest.fixture(scope="module")
def seeds(shared_dir) -> list[Path]:
    paths = sorted((shared_dir / "seeds").glob("*.txt"))
    assert len(paths) == 5
    return paths


@pytest.fixture(scope="module")
def page_001(seeds) -> dict[str, object]:
    papers = list(read_records([seeds[1]]))
    return {p.title: p for p in papers}


def long_lines(path: Path) -> list[str]:
    """The page's abstracts, counted the way the seed README counts them."""
    return [line for line in path.read_text(encoding="utf-8").split("\n") if len(line) > 200]


def test_one_record_per_abstract_on_every_page(seeds):
    for path in seeds:
        papers = list(read_records([path]))
        assert [p.abstract for p in papers] == [line.strip() for line in long_lines(path)], path.name


def test_seed_pages_hold_497_records_of_443_papers(seeds):
    papers = list(read_records(seeds))
    assert len(papers) == 497
    assert len({title_key(p.title) for p in papers}) == 443
    assert all(p.sources == ["hf-page"] for p in papers)


def test_page_chrome_and_page_dates_are_not_papers(seeds):
    titles = [p.title for p in read_records(seeds)]
    chrome = {"new", "Subscribe", "Daily Papers", "byAK and the research community", "Jul 28", "Oct 23",
              "Get trending papers in your email inbox!"}
    assert not chrome & set(titles)
    assert not [t for t in titles if t.startswith(("Subscribe", "Get trending"))]


def test_first_title_glued_to_subscribe_is_unglued(seeds):
    first = next(iter(read_records([seeds[4]])))
    assert first.title == "Query-Guided Networks for Few-shot Fine-grained Classification and Person Search"
    assert first.origin == f"{seeds[4]}:3"
    assert first.abstract.startswith("Few-shot fine-grained classification and person search appear")


def test_blank_line_layout_origin_is_the_title_line(seeds):
    first = next(iter(read_records([seeds[0]])))
    assert (first.title, first.origin) == ("Discriminative Fine-tuning of LVLMs", f"{seeds[0]}:13")


# Expected values read off 001_da44e4ecf41e5a0b.txt by hand (title line, "• N authors", date line).
PAGE_001 = [
    # title, authors_count, date, upvotes, published
    ("cMIM: A Contrastive Mutual Information Framework for Unified Generative and Discriminative "
     "Representation Learning", 1, "Feb 26", None, None),
    ("Unsupervised Learning under Latent Label Shift", 4, "Jul 26, 2022", None, "2022-07-26"),
    ("World Modeling with Probabilistic Structure Integration", 16, "Sep 10", 4, None),
    ("Diffusion Models Beat GANs on Image Classification", 8, "Jul 17, 2023", 1, "2023-07-17"),
    ("Modeling Collaborator: Enabling Subjective Vision Classification With Minimal Human Effort via "
     "LLM Tool-Use", 13, "Mar 4, 2024", 1, "2024-03-04"),
    ("PCoreSet: Effective Active Learning through Knowledge Distillation from Vision-Language Models",
     5, "Jun 1", 3, None),
    ("A Survey on Large Language Models for Recommendation", 12, "May 31, 2023", None, "2023-05-31"),
    ("Order Matters: Sequence to sequence for sets", 3, "Nov 19, 2015", None, "2015-11-19"),
    ("Predicting Rare Events by Shrinking Towards Proportional Odds", 2, "May 29, 2023", None, "2023-05-29"),
]


@pytest.mark.parametrize("title, authors_count, date, upvotes, published", PAGE_001)
def test_page_001_metadata(page_001, title, authors_count, date, upvotes, published):
    paper = page_001[title]
    assert (paper.authors_count, paper.date, paper.upvotes, paper.published) == \
        (authors_count, date, upvotes, published)
    assert paper.year == (int(published[:4]) if published else None)
    assert paper.authors == []  # the page gives a count, never names


def test_page_001_organisation_line_is_not_a_paper(page_001):
    # "SAIL-Embedding ..." is followed by "ByteDance ByteDance", "·", "Oct 14 2".
    sail = page_001["SAIL-Embedding Technical Report: Omni-modal Embedding Foundation Model"]
    assert (sail.authors_count, sail.date, sail.upvotes) == (None, "Oct 14", 2)
    assert "ByteDance ByteDance" not in page_001
    assert "KaLM-Embedding KaLM-Embedding" not in page_001


def test_page_001_paper_without_metadata_block(page_001):
    # "The Gauss-Markov Adjunction ..." has no authors/date lines: nothing is invented.
    paper = page_001["The Gauss-Markov Adjunction: Categorical Semantics of Residuals in Supervised Learning"]
    assert (paper.authors_count, paper.date, paper.upvotes, paper.year) == (None, None, None, None)
    assert len(page_001) == 72


def test_abstract_without_title_is_a_bad_record(tmp_path):
    path = tmp_path / "page.txt"
    orphan = "An orphan abstract line. " * 10
    path.write_text(f"Daily Papers\n\n{orphan}\n\nA Title\n\n{orphan}\n")
    errors = []
    assert [p.title for p in read_records([path], skip_bad=True, on_bad=errors.append)] == ["A Title"]
    assert [str(e) for e in errors] == [f"{path}:3: abstract without a title line before it"]


def test_a_page_of_bad_records_only_is_an_error_even_when_skipping(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("Daily Papers\n\n" + "An orphan abstract line. " * 10 + "\n")
    errors = []
    with pytest.raises(InputError) as caught:
        list(read_records([path], skip_bad=True, on_bad=errors.append))
    assert str(caught.value) == f"{path}:3: abstract without a title line before it (and no record was readable)"
    assert len(errors) == 1


def test_mixed_layouts_in_one_page():
    path = FORMATS_DIR / "hf-page-mixed.txt"
    papers = list(read_records([path], format="hf-page"))
    assert [(p.title, p.origin.rsplit(":", 1)[1]) for p in papers] == [
        ("Subscriber Churn Prediction With Graph Networks", "13"),  # not unglued: "r Churn" is no title
        ("A Paper Submitted By an Organisation", "21"),
        ("A Title On The Next Line", "26"),
        ("A Paper Without an Abstract", "29"),
    ]
    churn, organisation, consecutive, bare = papers
    assert (churn.authors_count, churn.date, churn.upvotes, churn.published) == (3, "Mar 1, 2024", 12, "2024-03-01")
    assert (organisation.authors_count, organisation.date) == (None, "Sep 9")
    assert consecutive.abstract.startswith("Consecutive lines work as well.") and consecutive.date is None
    assert consecutive.abstract.count("\n") == 1  # its second paragraph line stays with it
    assert consecutive.abstract.endswith("A second paragraph follows at once.")
    assert bare.abstract == ""
