"""Canonical names: acronym merging within and across papers, lexicon aliases, variants, versions."""
from __future__ import annotations

from kg.model import Paper
from kg.resolution import resolve


def resolved(extractor, *abstracts: str):
    mentions = [extractor.extract(Paper(title="", abstract=a)) for a in abstracts]
    return mentions, {e.node_id: e for e in resolve(mentions)}


def test_acronym_definition_merges_long_and_short_form_in_one_paper(extractor):
    (mentions,), entities = resolved(extractor, "We propose Latent Label Shift (LLS). LLS is simple.")
    ids = {m.entity_id for m in mentions if "LLS" in m.text}
    assert ids == {"method:lls"}
    assert "Latent Label Shift" in entities["method:lls"].aliases


def test_acronym_mentioned_in_another_paper_is_the_same_node(extractor, find):
    (first, second), entities = resolved(
        extractor, "We propose Masked Token Distillation (MTD) for speech.", "We compare with MTD on LibriSpeech.")
    assert find(first, "Masked Token Distillation (MTD)")[0].role == "proposes"
    assert find(second, "MTD")[0].entity_id == find(first, "Masked Token Distillation (MTD)")[0].entity_id


def test_acronym_with_two_meanings_is_only_merged_inside_each_paper(extractor, find):
    (a, b, c), _ = resolved(extractor, "We use Recurrent Tree Solver (RTS) here. RTS works.",
                            "We use Robust Token Sampling (RTS) here. RTS works.", "RTS is popular.")
    assert find(a, "RTS")[0].entity_id != find(b, "RTS")[0].entity_id
    assert find(c, "RTS")[0].entity_id not in {find(a, "RTS")[0].entity_id, find(b, "RTS")[0].entity_id}


def test_lexicon_alias_clip_long_form(extractor, find):
    (a, b), entities = resolved(extractor, "We build on CLIP.", "Contrastive Language-Image Pre-training works.")
    assert find(b, "Contrastive Language-Image Pre-training")[0].entity_id == "method:clip"
    assert find(a, "CLIP")[0].entity_id == "method:clip"
    assert entities["method:clip"].name == "CLIP"


def test_case_hyphen_dash_and_plural_variants_merge(extractor):
    texts = ["We train a GraphFormer-XL model.", "Two GraphFormer\u2013XL models.", "The GraphFormer-XLs help.",
             "A GraphFormer-xl is used."]
    mentions, _ = resolved(extractor, *texts)
    ids = {m.entity_id for paper in mentions for m in paper if m.text.startswith("GraphFormer")}
    assert len(ids) == 1


def test_versions_stay_distinct(extractor):
    (mentions,), _ = resolved(extractor, "We compare GPT-4 with GPT-4o, and ResNet-50 with ResNet-101.")
    ids = [m.entity_id for m in mentions if m.type == "method"]
    assert len(ids) == len(set(ids)) == 4


def test_repository_urls_merge_case_insensitively(extractor, find):
    (a, b), entities = resolved(extractor, "Code: https://github.com/OpenAI/CLIP.", "See github.com/openai/CLIP.git")
    assert find(a, "https://github.com/OpenAI/CLIP")[0].entity_id == find(b, "github.com/openai/CLIP.git")[0].entity_id
    repo = entities[find(a, "https://github.com/OpenAI/CLIP")[0].entity_id]
    assert repo.host == "github" and repo.name.startswith("https://github.com/")


def test_a_definition_of_another_field_keeps_a_lexicon_abbreviation_apart():
    from kg.extraction import Extractor
    from kg.model import Paper
    from kg.resolution import resolve
    papers = [Paper(title="A", abstract="We report the Matthews correlation coefficient (MCC) of the classifier."),
              Paper(title="B", abstract="Theories of measurable correlates of consciousness (MCC) are compared.")]
    entities = resolve(list(Extractor().pipe(papers)))
    metric = next(e for e in entities if e.name == "Matthews correlation coefficient")
    assert "measurable correlates of consciousness" not in {a.lower() for a in metric.aliases}


def test_a_title_phrase_the_abstract_defines_as_a_method_is_that_method():
    from kg.extraction import Extractor
    from kg.model import Paper
    from kg.resolution import resolve
    paper = Paper(title="Differentiable Neural Input Search for Recommender Systems",
                  abstract="In this paper, we propose Differentiable Neural Input Search (DNIS), a method that "
                           "searches for mixed feature embedding dimensions.")
    entities = resolve(list(Extractor().pipe([paper])))
    named = [e for e in entities if "Differentiable Neural Input Search" in {e.name, *e.aliases}]
    assert [(e.type, e.name) for e in named] == [("method", "DNIS")]


def test_an_all_capitals_name_is_no_plural_of_a_common_word():
    from kg.extraction import Extractor
    from kg.model import Paper
    from kg.resolution import resolve
    papers = [Paper(title="POINTS: Improving Your Vision-language Model with Affordable Strategies", abstract="We study it."),
              Paper(title="A", abstract="Our algorithm conducts within-class clustering on the point embedding space.")]
    entities = resolve(list(Extractor().pipe(papers)))
    points = next(e for e in entities if e.name == "POINTS")
    assert not {"point", "point embedding"} & set(points.aliases)


def test_a_title_name_takes_the_type_its_abstract_describes(extractor):
    paper = Paper(title="AmbiCoref: Evaluating Human and Model Sensitivity to Ambiguous Coreference",
                  abstract="To this end, we construct AmbiCoref, a diagnostic corpus of minimal sentence pairs.")
    mentions = [extractor.extract(paper)]
    entities = resolve(mentions)
    assert {(e.type, e.name) for e in entities if e.name == "AmbiCoref"} == {("dataset", "AmbiCoref")}
    assert {m.role for m in mentions[0] if m.canonical == "AmbiCoref"} == {"introduces"}
