"""Hugging Face API, arXiv snapshot, Semantic Scholar, S2ORC and OpenAlex readers."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.model import PaperRef
from loaders.readers import read_records

FORMATS_DIR = Path(__file__).resolve().parents[1] / "data" / "formats"


def read(name: str, format: str | None = None) -> list:
    return list(read_records([FORMATS_DIR / name], format=format))


def test_hf_daily_papers_items():
    qwen, gpqa = read("hf-daily-papers.json", "hf-api")
    assert (qwen.arxiv_id, qwen.title, qwen.upvotes) == ("2502.13923", "Qwen2.5-VL Technical Report", 150)
    assert qwen.authors == ["Shuai Bai", "Keqin Chen", "Xuejing Liu"] and qwen.authors_count == 3
    assert (qwen.published, qwen.year, qwen.date) == ("2025-02-19", 2025, None)
    assert qwen.code_url == "https://github.com/QwenLM/Qwen2.5-VL"
    assert qwen.abstract.startswith("We introduce Qwen2.5-VL,")
    assert (qwen.record_id, qwen.sources) == ("2502.13923", ["hf-api"])
    assert gpqa.code_url is None and gpqa.upvotes == 86
    assert [p.origin.rsplit(":", 1)[1] for p in (qwen, gpqa)] == ["2", "27"]


def test_hf_single_paper_object():
    (paper,) = read("hf-paper.json", "hf-api")
    assert (paper.key, paper.upvotes, paper.authors) == ("2502.13923", 151, ["Shuai Bai", "Keqin Chen"])


def test_hf_bare_list_of_paper_objects(tmp_path):
    items = json.loads((FORMATS_DIR / "hf-daily-papers.json").read_text())
    path = tmp_path / "papers.json"
    path.write_text(json.dumps([item["paper"] for item in items], indent=1))
    papers = list(read_records([path]))
    assert [(p.key, p.sources, p.upvotes) for p in papers] == [("2502.13923", ["hf-api"], 150),
                                                               ("2502.14739", ["hf-api"], 86)]


def test_arxiv_snapshot_records():
    diphoton, attention, resnet, old = read("arxiv-snapshot.jsonl", "arxiv")
    assert diphoton.title == "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies"
    assert diphoton.abstract.startswith("A fully differential calculation in perturbative quantum chromodynamics is "
                                        "presented for the production")
    assert "\n" not in diphoton.abstract and not diphoton.abstract.endswith(" ")
    assert diphoton.authors == ["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"]
    assert (diphoton.doi, diphoton.categories) == ("10.1103/physrevd.76.013009", ["hep-ph"])
    assert (diphoton.published, diphoton.year) == ("2007-04-02", 2007)  # v1, not v2
    assert (attention.published, attention.categories, attention.authors_count) == ("2017-06-12", ["cs.CL", "cs.LG"], 8)
    assert attention.url == "https://arxiv.org/abs/1706.03762" and attention.record_id == "1706.03762"
    assert resnet.origin.endswith("arxiv-snapshot.jsonl:3")
    assert (old.key, old.authors) == ("hep-th/9901001", ["J. Roe", "R. Doe Jr"])


def test_semantic_scholar_real_response(shared_dir):
    """The real Graph API response for Turing's paper (not written by us)."""
    path = shared_dir / "formats" / "semantic-scholar" / "Paper.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    paper, *nested = read_records([path])
    assert paper.sources == ["s2"]
    assert paper.title == raw["title"] == "Computing Machinery and Intelligence"
    assert paper.doi == "10.1093/mind/lix.236.433" and paper.key == "doi:10.1093/mind/lix.236.433"
    assert paper.external_ids == {"s2": raw["paperId"], "dblp": "journals/x/Turing50", "mag": "2145482038",
                                  "corpus": "14636783"}
    assert (paper.year, paper.published, paper.venue) == (1950, "1950-10-01", raw["venue"])
    assert paper.authors == ["A. Turing"] and paper.record_id == raw["paperId"]
    assert paper.abstract == raw["abstract"].strip()
    # Every reference/citation with any id or title is kept, ids normalised, nothing invented.
    assert len(paper.references) == len(raw["references"]) == 14
    assert len(paper.cited_by) == len(raw["citations"]) == 1000
    first = raw["references"][0]
    assert paper.references[0] == PaperRef(
        doi=first["externalIds"]["DOI"].lower(), title=first["title"],
        external_ids={"s2": first["paperId"], "mag": first["externalIds"]["MAG"],
                      "corpus": str(first["externalIds"]["CorpusId"])})
    untitled_ids = [r for r in paper.references if not r.external_ids]
    assert [r.title for r in untitled_ids] == [r["title"] for r in raw["references"] if r["paperId"] is None]
    with_arxiv = [r for r in paper.cited_by if r.arxiv_id]
    expected = [c["externalIds"]["ArXiv"] for c in raw["citations"] if "ArXiv" in (c["externalIds"] or {})]
    assert [r.arxiv_id for r in with_arxiv] == expected and expected
    kinds = {kind for r in paper.cited_by for kind in r.external_ids}
    assert kinds <= {"s2", "corpus", "mag", "dblp", "pmid", "pmcid", "acl"} and "pmcid" in kinds


def test_semantic_scholar_nested_papers_are_papers(shared_dir):
    """Each reference and citation that comes with a title is read as a paper, in the order listed."""
    path = shared_dir / "formats" / "semantic-scholar" / "Paper.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    paper, *nested = read_records([path])
    listed = raw["references"] + raw["citations"]
    assert all(entry["title"] for entry in listed)
    assert [p.title for p in nested] == [" ".join(entry["title"].split()) for entry in listed]
    assert [p.ref() for p in nested] == paper.references + paper.cited_by  # what the edges point at
    with_abstract = [p for p in nested if p.abstract]
    assert len(with_abstract) == sum(1 for entry in listed if (entry["abstract"] or "").strip()) == 779
    assert all(p.sources == ["s2"] and p.origin == f"{path}:1" and not p.stub for p in nested)
    citing = nested[14]
    entry = raw["citations"][0]
    assert (citing.record_id, citing.doi, citing.year, citing.published, citing.venue) == (
        entry["paperId"], entry["externalIds"]["DOI"].lower(), entry["year"], entry["publicationDate"], entry["venue"])
    assert citing.authors == [a["name"] for a in entry["authors"]] and len(citing.authors) == 7


def test_nested_paper_that_cannot_be_read_is_reported_and_the_record_kept(tmp_path):
    path = tmp_path / "s2.json"
    path.write_text(json.dumps({"paperId": "p", "title": "Parent", "citations": [
        {"paperId": "c1", "title": "Good citer", "year": 2020},
        {"citingPaper": {"paperId": "c2", "title": "Bad citer", "authors": "not a list"}},
        {"paperId": "c3", "externalIds": {"DOI": "10.1/C3"}}]}))
    errors = []
    papers = list(read_records([path], skip_bad=True, on_bad=errors.append))
    assert [str(e) for e in errors] == [f"{path}:1: 'citations' entry 2: 'authors' must be a list"]
    assert [p.title for p in papers] == ["Parent", "Good citer"]  # c3 has no title: a reference only
    assert [r.keys()[0] for r in papers[0].cited_by] == ["s2:c1", "doi:10.1/c3"]
    with pytest.raises(InputError, match=r":1: 'citations' entry 2: 'authors' must be a list"):
        list(read_records([path]))


@pytest.mark.parametrize("fmt, record", [
    ("openalex", {"id": "https://openalex.org/W1", "display_name": "Work", "referenced_works": [
        "https://openalex.org/W2", {"id": "https://openalex.org/W3", "display_name": "Referenced work",
                                    "abstract_inverted_index": {"We": [0], "use": [1], "BERT.": [2]}}]}),
    ("s2orc", {"paper_id": "1", "title": "Work", "outbound_citations": [
        "2", {"paper_id": "3", "title": "Referenced work", "abstract": "We use BERT."}]}),
])
def test_openalex_and_s2orc_nest_papers_by_the_same_rule(tmp_path, fmt, record):
    path = tmp_path / "works.jsonl"
    path.write_text(json.dumps(record) + "\n")
    work, referenced = read_records([path], format=fmt)
    assert (referenced.title, referenced.abstract, referenced.sources) == ("Referenced work", "We use BERT.", [fmt])
    assert work.references[1] == referenced.ref() and len(work.references[0].keys()) == 1


def test_semantic_scholar_search_page():
    attention, resnet, bahdanau, layer_norm, bert, attention_again = read("s2-search.json")
    assert (resnet.key, bahdanau.key, layer_norm.key, attention_again.key) == (
        "1512.03385", "1409.0473", "title:layer-normalization", "1706.03762")
    assert attention.sources == ["s2"] and attention.key == "1706.03762"
    assert attention.external_ids["corpus"] == "13756489" and attention.external_ids["dblp"]
    assert [r.keys()[0] for r in attention.references] == ["1512.03385", "1409.0473", "title:layer-normalization"]
    assert attention.origin.endswith("s2-search.json:5")
    assert (bert.abstract, bert.published, bert.year, bert.external_ids["acl"]) == ("", None, 2019, "N19-1423")
    assert bert.doi == "10.18653/v1/n19-1423"


def test_semantic_scholar_citation_endpoint_unwraps_citing_papers():
    bert, vit = read("s2-citations.json")
    assert (bert.key, vit.key) == ("1810.04805", "2010.11929")
    assert vit.external_ids == {"s2": "268d347e8a55b5eb82fb5e7d2f800e33c75ab18a", "corpus": "225039882"}
    # The record is the array element (the wrapper), whose object opens on lines 2 and 4.
    assert [p.origin.rsplit(":", 1)[1] for p in (bert, vit)] == ["2", "4"]


def test_s2orc_metadata():
    attention, lung = read("s2orc-metadata.jsonl")
    assert attention.sources == ["s2orc"] and attention.key == "1706.03762"
    assert attention.authors == ["Ashish Vaswani", "Noam M. Shazeer"]
    assert attention.external_ids == {"s2orc": "13756489", "mag": "2963403868"}
    assert attention.references == [PaperRef(external_ids={"s2orc": "206594692"}),
                                    PaperRef(external_ids={"s2orc": "11212020"})]
    assert attention.cited_by == [PaperRef(external_ids={"s2orc": "52967399"})]
    assert lung.authors == ["Maria J K Silva Jr"] and lung.abstract == ""
    assert lung.external_ids == {"s2orc": "77490025", "mag": "2019999912", "pmid": "20655671", "pmcid": "PMC2931254"}
    assert (lung.venue, lung.year, lung.record_id) == ("Lung Cancer", 2010, "77490025")


def test_openalex_single_work():
    (work,) = read("openalex-work.json")
    assert work.sources == ["openalex"]
    assert work.abstract == ("The dominant sequence transduction models are based on complex recurrent or "
                             "convolutional neural networks. The best performing models also connect the "
                             "encoder and decoder.")
    assert (work.arxiv_id, work.doi) == ("1706.03762", "10.48550/arxiv.1706.03762")
    assert work.external_ids == {"openalex": "W2963403868", "mag": "2963403868"}
    assert work.authors == ["Ashish Vaswani", "Noam Shazeer", "Illia Polosukhin"]
    assert (work.published, work.year, work.venue) == ("2017-06-12", 2017, "arXiv (Cornell University)")
    assert [r.external_ids for r in work.references] == [{"openalex": "W2194775991"}, {"openalex": "W2133564696"},
                                                         {"openalex": "W1522301498"}]
    assert work.record_id == "https://openalex.org/W2963403868" and work.origin.endswith(":1")


def test_openalex_results_page():
    resnet, bare = read("openalex-page.json")
    assert (resnet.key, resnet.arxiv_id) == ("doi:10.1109/cvpr.2016.90", None)
    assert resnet.venue.startswith("2016 IEEE Conference on Computer Vision")
    assert resnet.abstract == "Deeper neural networks are more difficult to train."
    assert (resnet.origin.rsplit(":", 1)[1], bare.origin.rsplit(":", 1)[1]) == ("4", "23")
    assert bare.abstract == "" and bare.authors == [] and bare.external_ids["pmid"] == "37400001"
    assert bare.key == "openalex:W4385245566"


@pytest.mark.parametrize("jsonl", [False, True])
def test_openalex_jsonl_of_works(tmp_path, jsonl):
    works = json.loads((FORMATS_DIR / "openalex-page.json").read_text())["results"]
    path = tmp_path / "works.jsonl"
    path.write_text("".join(json.dumps(w) + "\n" for w in works))
    papers = list(read_records([path]))
    assert [p.external_ids["openalex"] for p in papers] == ["W2194775991", "W4385245566"]
    assert [p.origin for p in papers] == [f"{path}:1", f"{path}:2"]
