"""Each role pattern: proposes/introduces from titles and cue phrases, defaults otherwise."""
from __future__ import annotations

import pytest

from kg.model import Paper


def roles(extractor, title="", abstract=""):
    return {(m.text, m.type): m.role for m in extractor.extract(Paper(title=title, abstract=abstract))}


def test_title_name_before_colon_is_proposed(extractor):
    got = roles(extractor, title="cMIM: A Contrastive Mutual Information Framework for Images")
    assert got[("cMIM", "method")] == "proposes"


def test_title_name_of_a_benchmark_is_an_introduced_dataset(extractor):
    got = roles(extractor, title="UFineBench: Towards Text-based Person Retrieval with Ultra-fine Granularity benchmark")
    assert got[("UFineBench", "dataset")] == "introduces"


def test_title_proposal_carries_into_abstract(extractor, find):
    mentions = extractor.extract(Paper(title="FooNet: Fast Segmentation", abstract="FooNet beats ResNet-50."))
    assert [m.role for m in find(mentions, "FooNet")] == ["proposes", "proposes"]
    assert find(mentions, "ResNet-50")[0].role == "uses"


def test_we_propose_marks_the_first_new_name_after_the_verb(extractor):
    got = roles(extractor, abstract="In this paper we propose GraphMix, which builds on CLIP and LoRA.")
    assert got[("GraphMix", "method")] == "proposes"
    assert got[("CLIP", "method")] == "uses" and got[("LoRA", "method")] == "uses"


def test_called_termed_dubbed_name_a_proposal(extractor):
    for word in ("called", "termed", "dubbed"):
        got = roles(extractor, abstract=f"A new approach, {word} ZetaFormer, improves retrieval.")
        assert got[("ZetaFormer", "method")] == "proposes", word


def test_we_release_a_dataset_introduces_it(extractor):
    got = roles(extractor, abstract="We release the BirdTalk-5K dataset of annotated bird songs.")
    assert got[("BirdTalk-5K dataset", "dataset")] == "introduces"


def test_new_benchmark_name_after_we_introduce_is_a_dataset(extractor):
    got = roles(extractor, abstract="We introduce a new benchmark, CodeQuest, for program repair.")
    assert got[("CodeQuest", "dataset")] == "introduces"


def test_default_roles(extractor):
    got = roles(extractor, abstract="We fine-tune BERT on SQuAD for question answering and report F1. "
                                    "Code: https://github.com/a/b and https://huggingface.co/spaces/a/b.")
    assert got[("BERT", "method")] == "uses"
    assert got[("SQuAD", "dataset")] == "evaluates_on"
    assert got[("question answering", "task")] == "addresses"
    assert got[("F1", "metric")] == "reports"
    assert got[("https://github.com/a/b", "repository")] == "has_code"
    assert got[("https://huggingface.co/spaces/a/b", "link")] == "links_to"


def test_unknown_names_listed_after_on_are_datasets(extractor):
    got = roles(extractor, abstract="Results on ImageNet-1K, CUB-200-2011 and PlantVillage-X show gains.")
    assert got[("PlantVillage-X", "dataset")] == "evaluates_on"
    assert got[("CUB-200-2011", "dataset")] == "evaluates_on"


def test_cue_phrases_find_tasks_and_metrics(extractor):
    got = roles(extractor, abstract="We study the task of person search and improve top-1 accuracy "
                                    "and word error rate on the Wall Street Journal treebank.")
    assert ("person search", "task") in got
    assert ("top-1 accuracy", "metric") in got
    assert ("word error rate", "metric") in got
    assert ("Wall Street Journal treebank", "dataset") in got


@pytest.mark.parametrize("title, name, type_", [
    ("AutoSync: Learning to Synchronize for Data-Parallel Distributed Deep Learning", "AutoSync", "method"),
    ("AugMix: A Simple Data Processing Method to Improve Robustness and Uncertainty", "AugMix", "method"),
    ("TabNN: A Universal Neural Network Solution for Tabular Data", "TabNN", "method"),
    ("Set Transformer: A Framework for Attention-based Permutation-Invariant Neural Networks", "Set Transformer",
     "method"),
    ("Barlow Twins: Self-Supervised Learning via Redundancy Reduction", "Barlow Twins", "method"),
    ("BS-Net: A Deep Network for Band Selection", "BS-Net", "method"),
    ("BS-Nets: An End-to-End Framework For Band Selection of Hyperspectral Image", "BS-Nets", "method"),
    ("LAION-5B: An open large-scale dataset for training next generation image-text models", "LAION-5B", "dataset"),
    ("Objects365: A Large-Scale, High-Quality Dataset for Object Detection", "Objects365", "dataset"),
])
def test_a_title_name_is_proposed_with_the_type_its_subtitle_gives(extractor, title, name, type_):
    assert roles(extractor, title=title)[(name, type_)] == ("introduces" if type_ == "dataset" else "proposes")


def test_latex_leaves_a_title_name(extractor):
    mentions = extractor.extract(Paper(title="U$^2$-Net: Going Deeper with Nested U-Structure for Salient Object Detection"))
    assert (mentions[0].text, mentions[0].canonical, mentions[0].role) == ("U$^2$-Net", "U2-Net", "proposes")


def test_a_survey_title_proposes_nothing(extractor):
    got = roles(extractor, title="Graph Neural Networks: A Review of Methods and Applications")
    assert "proposes" not in got.values()


def test_a_dataset_word_inside_a_dashed_name_makes_no_dataset(extractor):
    mentions = extractor.extract(Paper(title="", abstract="We present Prior-Data Fitted Networks (PFNs)."))
    assert {(m.type, m.role) for m in mentions if m.canonical == "PFNs"} == {("method", "proposes")}


@pytest.mark.parametrize("title, name", [
    ("Plan-over-Graph: Towards Parallelable LLM Agent Schedule", "Plan-over-Graph"),
    ("Intrinsic Memory Agents: Heterogeneous Multi-Agent LLM Systems through Structured Memory",
     "Intrinsic Memory Agents"),
])
def test_a_dashed_title_name_or_one_headed_by_agents_is_proposed(extractor, title, name):
    assert roles(extractor, title=title)[(name, "method")] == "proposes"


def test_a_title_phrase_with_lower_case_words_proposes_nothing(extractor):
    got = roles(extractor, title="Planning in the Dark: LLM-Symbolic Planning Pipeline without Experts")
    assert "proposes" not in got.values()
