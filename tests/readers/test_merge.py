"""Merging records across sources, and citations to corpus papers or stubs."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.model import Paper, PaperRef, title_key
from loaders.merge import merge_papers, resolve_citations
from loaders.readers import read_records

FORMATS_DIR = Path(__file__).resolve().parents[1] / "data" / "formats"
CROSS_SOURCE = ["arxiv-snapshot.jsonl", "s2-search.json", "openalex-work.json", "openalex-page.json",
                "s2orc-metadata.jsonl"]


@pytest.fixture(scope="module")
def merged() -> list[Paper]:
    return merge_papers(read_records([FORMATS_DIR / name for name in CROSS_SOURCE]))


def by_key(papers, key):
    (paper,) = [p for p in papers if p.key == key]
    return paper


def test_same_paper_from_arxiv_s2_openalex_and_s2orc_is_one(merged):
    attention = by_key(merged, "1706.03762")
    assert attention.sources == ["arxiv", "s2", "openalex", "s2orc"]
    assert attention.external_ids == {"s2": "204e3073870fae3d05bcbc2f6a8e263d9b72e776",
                                      "dblp": "journals/corr/VaswaniSPUJGKP17", "mag": "2963403868",
                                      "corpus": "13756489", "openalex": "W2963403868", "s2orc": "13756489"}
    assert attention.doi == "10.48550/arxiv.1706.03762"  # only OpenAlex knows a DOI
    assert attention.title == "Attention Is All You Need"  # first record's
    assert attention.abstract.endswith("Experiments on two machine translation tasks show these models to be "
                                       "superior in quality.")  # S2's is the longest
    assert len(attention.authors) == 8 and attention.authors_count == 8  # arXiv lists them all
    assert attention.venue == "Neural Information Processing Systems"  # first record with a venue
    assert attention.categories == ["cs.CL", "cs.LG"] and attention.published == "2017-06-12"
    assert attention.origin.endswith("arxiv-snapshot.jsonl:2") and attention.record_id == "1706.03762"
    assert len(attention.references) == 3 + 3 + 2  # S2, OpenAlex, S2ORC: no id in common
    assert attention.cited_by == [PaperRef(external_ids={"s2orc": "52967399"})]


def test_title_key_joins_records_without_a_shared_id():
    papers = merge_papers(read_records([FORMATS_DIR / "arxiv-snapshot.jsonl", FORMATS_DIR / "openalex-page.json"]))
    resnet = by_key(papers, "1512.03385")
    assert resnet.sources == ["arxiv", "openalex"] and resnet.doi == "10.1109/cvpr.2016.90"
    assert resnet.venue.startswith("2016 IEEE")


def test_papers_in_order_of_first_appearance(merged):
    keys = [p.key for p in merged]
    # S2 names the papers Attention cites with their titles: they are papers, after Attention's record.
    assert keys == ["0704.0001", "1706.03762", "1512.03385", "hep-th/9901001", "1409.0473",
                    "title:layer-normalization", "1810.04805", "openalex:W4385245566",
                    "doi:10.1016/j.lungcan.2010.06.010"]
    resnet = by_key(merged, "1512.03385")
    assert resnet.sources == ["arxiv", "s2", "openalex"] and not resnet.stub  # S2's reference joined the record


def test_title_never_joins_different_arxiv_ids():
    a = Paper("Introduction", arxiv_id="2401.00001")
    b = Paper("Introduction", arxiv_id="2401.00002")
    c = Paper("introduction", abstract="longer abstract")
    assert [(p.key, p.abstract) for p in merge_papers([a, b, c])] == [
        ("2401.00001", "longer abstract"), ("2401.00002", "")]


def test_ids_join_transitively():
    a = Paper("T1", arxiv_id="2401.00001")
    b = Paper("T2", doi="10.1/x", external_ids={"s2": "abc"}, arxiv_id="2401.00001")
    c = Paper("T3", external_ids={"s2": "abc", "mag": "9"}, authors_count=5)
    (merged,) = merge_papers([a, b, c])
    assert (merged.key, merged.doi, merged.external_ids, merged.authors_count) == \
        ("2401.00001", "10.1/x", {"s2": "abc", "mag": "9"}, 5)


def test_seed_pages_merge_to_443_papers(shared_dir):
    records = list(read_records(sorted((shared_dir / "seeds").glob("*.txt"))))
    papers = merge_papers(records)
    assert len(papers) == len({title_key(r.title) for r in records}) == 443
    cmim = [p for p in papers if p.title.startswith("cMIM:")]
    # First seen on page 000 (no dates there); page 001 prints its date.
    assert len(cmim) == 1 and cmim[0].date == "Feb 26" and cmim[0].origin.split("/")[-1].startswith("000_")
    assert sum(1 for r in records if r.title.startswith("cMIM:")) > 1


def test_citations_link_corpus_papers_and_make_stubs(merged):
    edges, stubs = resolve_citations(merged)
    # The rule names the citation-carrying formats the citing paper came from.
    assert ("1706.03762", "1512.03385", "s2+openalex+s2orc") in edges
    assert ("1810.04805", "1706.03762", "s2") in edges  # BERT is in the corpus via S2
    assert ("s2orc:52967399", "1706.03762", "s2+openalex+s2orc") in edges  # from cited_by
    # References with a title are papers of the corpus; those with ids only are stubs.
    assert ("1706.03762", "1409.0473", "s2+openalex+s2orc") in edges
    assert ("1706.03762", "title:layer-normalization", "s2+openalex+s2orc") in edges
    stub_keys = [s.key for s in stubs]
    assert stub_keys == ["openalex:W2133564696", "openalex:W1522301498", "s2orc:206594692", "s2orc:11212020",
                         "s2orc:52967399", "openalex:W1686810756"]
    assert all(s.stub and s.sources == [] and not s.title for s in stubs)
    corpus_keys = {p.key for p in merged}
    assert not corpus_keys & set(stub_keys)
    assert {cited for _, cited, _ in edges} | {citing for citing, _, _ in edges} <= corpus_keys | set(stub_keys)
    bahdanau = by_key(merged, "1409.0473")
    assert bahdanau.title == "Neural Machine Translation by Jointly Learning to Align and Translate"
    assert not bahdanau.stub and bahdanau.sources == ["s2"]
    assert resolve_citations(merged) == (edges, stubs)  # deterministic


def test_a_stub_that_arrives_with_metadata_is_filled_in(tmp_path):
    """An id-only reference in one file, the same paper with its title in another: one paper, no stub."""
    citing = tmp_path / "citing.json"
    citing.write_text('{"paperId": "a", "title": "Citing", "references": [{"paperId": "b", "title": null}]}')
    cited = tmp_path / "cited.json"
    cited.write_text('{"paperId": "x", "title": "Other", "citations": [{"paperId": "b", "title": "Cited", '
                     '"abstract": "We use BERT."}]}')
    edges, stubs = resolve_citations(merge_papers(read_records([citing])))
    assert [s.key for s in stubs] == ["s2:b"]
    papers = merge_papers(read_records([citing, cited]))
    edges, stubs = resolve_citations(papers)
    assert stubs == [] and [p.key for p in papers] == ["s2:a", "s2:x", "s2:b"]
    assert by_key(papers, "s2:b").abstract == "We use BERT."
    assert sorted(edges) == [("s2:a", "s2:b", "s2"), ("s2:b", "s2:x", "s2")]


def test_real_s2_nested_papers_need_no_stubs(shared_dir):
    records = list(read_records([shared_dir / "formats" / "semantic-scholar" / "Paper.json"]))
    assert len(records) == 1 + 14 + 1000
    turing, *nested = merge_papers(records)
    # Two citing papers are one: the arXiv preprint and the journal version of
    # "Proof in the time of machines" share their title and only one has an arXiv id.
    assert (len(turing.references), len(turing.cited_by), len(nested)) == (14, 999, 14 + 999)
    proof = [p for p in nested if p.title == "Proof in the time of machines"]
    assert len(proof) == 1 and (proof[0].arxiv_id, proof[0].doi) == ("2305.02329", "10.1090/bull/1826")
    edges, stubs = resolve_citations([turing, *nested])
    assert stubs == []  # every reference and citation came with a title
    assert len([e for e in edges if e[0] == turing.key]) == 14
    assert len([e for e in edges if e[1] == turing.key]) == 999 and len(edges) == 1013
    assert {rule for _, _, rule in edges} == {"s2"}
    assert {cited for citing, cited, _ in edges if citing == turing.key} == {p.key for p in nested[:14]}
