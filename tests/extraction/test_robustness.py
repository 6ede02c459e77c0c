"""Offsets always valid, odd inputs don't crash, results deterministic and worker-independent."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import Paper


def assert_offsets_valid(paper, mentions):
    for m in mentions:
        text = getattr(paper, m.field)
        assert text[m.start:m.end] == m.text, m
        assert m.text and m.text in m.evidence
        assert m.source and m.role and m.canonical


def test_empty_paper_gives_empty_list(extractor):
    assert extractor.extract(Paper(title="", abstract="")) == []
    assert list(extractor.pipe([Paper(title="x"), Paper(title="", abstract="")])) == [[], []]


def test_one_megabyte_abstract(extractor):
    sentence = "We evaluate CLIP on ImageNet-1K with top-1 accuracy, see https://github.com/a/b. "
    paper = Paper(title="Big", abstract=sentence * (1_000_000 // len(sentence) + 1))
    assert len(paper.abstract) > 1_000_000
    mentions = extractor.extract(paper)
    assert_offsets_valid(paper, mentions)
    assert sum(m.text == "CLIP" for m in mentions) > 10_000


def test_offsets_valid_on_every_seed_abstract(extractor, seed_papers):
    results = list(extractor.pipe(seed_papers))
    assert len(results) == len(seed_papers)
    for paper, mentions in zip(seed_papers, results):
        assert_offsets_valid(paper, mentions)
    assert sum(map(len, results)) > 5 * len(seed_papers)


def test_deterministic_and_same_with_two_workers(extractor, seed_papers):
    def snapshot(results):
        return [[m.to_contract() | {"sentence": m.sentence} for m in ms] for ms in results]
    one = snapshot(extractor.pipe(seed_papers, batch_size=64))
    assert snapshot(extractor.pipe(seed_papers, batch_size=7)) == one
    assert snapshot(extractor.pipe(seed_papers, batch_size=50, workers=2)) == one


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("aA1 -().:,{}/\u2013") + ["CLIP", "https://github.com/", "dataset",
                                                                           " on ", "We propose ", "accuracy"]),
               max_size=60).map("".join))
def test_offsets_valid_on_arbitrary_text(extractor, text):
    paper = Paper(title=text[:20], abstract=text)
    assert_offsets_valid(paper, extractor.extract(paper))


def test_runs_of_spaces_cut_no_phrase_and_offsets_stay_the_original_s(extractor):
    """arXiv opens a paragraph with a line break and two spaces; PDF text doubles spaces."""
    paper = Paper(title="", abstract="  We train BERT.\n  Results on the French  EMEA   corpus and the\n"
                                     "Penn   Treebank improve.")
    mentions = extractor.extract(paper)
    assert_offsets_valid(paper, mentions)
    found = {(m.type, m.canonical, m.text) for m in mentions}
    assert ("dataset", "French EMEA", "French  EMEA   corpus") in found
    assert ("dataset", "Penn Treebank", "Penn   Treebank") in found
    assert ("method", "BERT", "BERT") in found
    evidence = next(m.evidence for m in mentions if m.canonical == "Penn Treebank")
    assert evidence == "Results on the French  EMEA   corpus and the\nPenn   Treebank improve."


def test_evidence_covers_a_url_that_runs_past_the_sentence_end(extractor):
    paper = Paper(title="", abstract="https://github.com/a.(")
    assert_offsets_valid(paper, extractor.extract(paper))
