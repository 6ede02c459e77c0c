"""Proposes/introduces only for the paper's own new names; names that are not entities are dropped."""
from __future__ import annotations

from kg.model import Mention, Paper
from kg.resolution import resolve


def roles(extractor, title="", abstract=""):
    return {(m.text, m.type): m.role for m in extractor.extract(Paper(title=title, abstract=abstract))}


def canonicals(extractor, abstract):
    return {m.text: m.canonical for m in extractor.extract(Paper(title="", abstract=abstract))}


def test_a_name_after_a_preposition_is_not_the_proposed_object(extractor):
    got = roles(extractor, abstract="We propose a contrastive extension to QuuxNet for image retrieval.")
    assert got[("QuuxNet", "method")] == "uses"


def test_a_name_in_an_of_phrase_after_introduce_is_not_introduced(extractor):
    got = roles(extractor, abstract="We introduce a testbed of six data sources, such as FooCorp and BarText.")
    assert "introduces" not in got.values() and "proposes" not in got.values()


def test_a_lexicon_method_named_after_the_verb_is_not_proposed(extractor):
    got = roles(extractor, abstract="In this work we present BERT with a new pooling head.")
    assert got[("BERT", "method")] == "uses"


def test_a_lower_case_description_is_not_proposed_but_its_name_is(extractor):
    got = roles(extractor, abstract="We propose a novel generalizable fine-tuning method LEVO for retrieval.")
    assert "proposes" not in {role for (text, _), role in got.items() if text.islower()}
    assert got[("LEVO", "method")] == "proposes"


def test_a_generic_phrase_after_we_propose_is_used_not_proposed(extractor):
    got = roles(extractor, abstract="Here we propose a neural network for the segmentation of cells.")
    assert all(role != "proposes" for role in got.values())


def test_a_subject_far_before_the_verb_does_not_make_a_proposal(extractor):
    got = roles(extractor, abstract="We show that models trained on the proposed ZetaLoss splits often fail.")
    assert got[("ZetaLoss", "method")] == "uses"


def test_so_called_names_an_existing_thing(extractor):
    got = roles(extractor, abstract="This led to the so-called Prototype Trees, also called ProtoTrees, in vision.")
    assert "proposes" not in got.values()


def test_termed_still_names_a_proposal(extractor):
    got = roles(extractor, abstract="We introduce a new loss termed GlideLoss for detection.")
    assert got[("GlideLoss", "method")] == "proposes"


def test_platforms_are_not_entities(extractor):
    found = roles(extractor, abstract="We crawl GitHub and arXiv to build CodeSet, then train FooNet on it.")
    assert not any(text in ("GitHub", "arXiv") for text, _ in found)


def test_latex_debris_is_not_an_entity(extractor):
    found = roles(extractor, abstract="We use a self-supervised learning~(SSL)~framework with $\\mathcal{S^p}$ sets.")
    assert not any("~(" in text or "{" in text for text, _ in found)


def test_a_count_before_common_words_is_not_a_dataset(extractor):
    found = roles(extractor, abstract="Experiments on 16 evaluation datasets show gains.")
    assert not any(text.startswith("16") for text, _ in found)


def test_dashed_adjectives_are_not_entities(extractor):
    found = roles(extractor, abstract="We study LLM-generated text and Multi-Modal inputs with Training-Free tools.")
    assert not {"LLM-generated", "Multi-Modal", "Training-Free"} & {text for text, _ in found}


def test_x_based_names_the_entity_x(extractor):
    got = canonicals(extractor, "We compare CLIP-based and FooNet-style retrievers.")
    assert got.get("CLIP-based") == "CLIP" and got.get("FooNet-style") == "FooNet"


def _mention(text, role, source="name_shape"):
    return Mention("method", text, text, role, "abstract", 0, len(text), source=source)


def test_a_widely_used_name_is_not_proposed_in_passing():
    papers = [[_mention("GlobNet", "proposes")]] + [[_mention("GlobNet", "uses")] for _ in range(3)]
    resolve(papers)
    assert papers[0][0].role == "uses"


def test_a_title_name_keeps_its_proposal_even_when_widely_used():
    papers = [[_mention("GlobNet", "proposes", "title_name")]] + [[_mention("GlobNet", "uses")] for _ in range(3)]
    resolve(papers)
    assert papers[0][0].role == "proposes"


def test_a_name_two_other_papers_use_can_still_be_proposed():
    papers = [[_mention("GlobNet", "proposes")]] + [[_mention("GlobNet", "uses")] for _ in range(2)]
    resolve(papers)
    assert papers[0][0].role == "proposes"
