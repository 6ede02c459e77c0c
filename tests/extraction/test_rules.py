"""Hand-made cases for the noun-phrase rules: one test per rule, each able to fail."""
from __future__ import annotations

import pytest

from kg.model import Paper


@pytest.fixture(scope="module")
def spans(extractor):
    """``spans(abstract)``: ``{(type, text, canonical)}`` of the abstract's mentions."""
    return lambda abstract: {(m.type, m.text, m.canonical)
                             for m in extractor.extract(Paper(title="", abstract=abstract))}


def texts(found: set, type_: str) -> set[str]:
    """The surface texts of one type among ``spans(...)``'s triples."""
    return {text for kind, text, _ in found if kind == type_}


def test_established_task_nouns_count_without_modifiers(spans):
    found = spans("Ambiguity makes parsing hard, and summarization even harder.")
    assert ("task", "parsing", "parsing") in found
    assert ("task", "summarization", "summarization") in found


def test_bare_task_noun_inside_a_method_name_is_not_a_task(spans):
    found = spans("A translation model is trained on news.")
    assert not any(type_ == "task" for type_, _, _ in found)


def test_singular_task_word_stays_in_the_mention_but_not_the_name(spans):
    found = spans("Results on the story link detection task improve.")
    assert ("task", "story link detection task", "story link detection") in found


def test_plural_task_word_is_left_out_of_the_mention(spans):
    found = spans("We compare them on two related ranking tasks.")
    assert any(type_ == "task" and text.endswith("ranking") for type_, text, _ in found)
    assert not any(text.endswith("tasks") for _, text, _ in found)


def test_test_set_and_data_end_a_named_dataset(spans):
    found = spans("We report results on the CoNLL English test set and on Europarl data.")
    datasets = texts(found, "dataset")
    assert "CoNLL English test set" in datasets
    assert "Europarl data" in datasets


def test_data_after_an_unnamed_phrase_is_not_a_dataset(spans):
    found = spans("We collect noisy training data from the web.")
    assert not any(type_ == "dataset" for type_, _, _ in found)


def test_dataset_name_takes_its_version_or_year(spans):
    found = spans("We use FrameNet 1.5 and evaluate on DUC 2004 as well as MNIST 10 times.")
    assert ("dataset", "FrameNet 1.5", "FrameNet 1.5") in found
    assert ("dataset", "MNIST", "MNIST") in found


def test_well_known_dataset_names_and_years(spans):
    found = spans("Summaries are scored on DUC 2004, and events are annotated in TimeBank and GENIA.")
    assert {("dataset", "DUC 2004", "DUC 2004"), ("dataset", "TimeBank", "TimeBank"),
            ("dataset", "GENIA", "GENIA")} <= found


def test_nist_is_a_metric_only_next_to_another_metric(spans):
    assert ("metric", "NIST", "NIST") in spans("Translations are scored with BLEU and NIST.")
    assert ("metric", "NIST", "NIST") in spans("The NIST score rises by two points.")
    found = spans("We train on the NIST Chinese-English test set.")
    assert not any(type_ == "metric" for type_, _, _ in found)
    assert ("dataset", "NIST Chinese-English test set", "NIST Chinese-English test set") in found


def test_language_pairs_are_not_names(spans):
    found = spans("Results improve on English-to-Japanese and Persian-Arabic pairs, and on WikiNER-2.")
    assert not any("English" in text or "Arabic" in text for _, text, _ in found)
    assert any(text == "WikiNER-2" for _, text, _ in found)


def test_score_after_a_metric_name_is_left_out(spans):
    found = spans("Our system raises the BLEU score, and TRDR scores as well.")
    assert ("metric", "BLEU", "BLEU") in found
    assert ("metric", "TRDR scores", "TRDR scores") in found


def test_metric_name_keeps_only_metric_modifiers(spans):
    found = spans("It reports labeled F1, improving parsing accuracy by +6.7 F1 points.")
    metrics = texts(found, "metric")
    assert metrics == {"labeled F1", "accuracy", "F1"}


def test_clause_verbs_do_not_open_a_phrase(spans):
    found = spans("This helps improving word alignment a lot.")
    assert ("task", "word alignment", "word alignment") in found


def test_hyphenated_metric_modifier_is_kept_whole(spans):
    found = spans("The tracker reaches sub-voxel precision.")
    assert ("metric", "sub-voxel precision", "sub-voxel precision") in found


def test_adjective_alone_before_task_is_no_task(spans):
    found = spans("The latter task is harder, and OCR errors remain.")
    tasks = texts(found, "task")
    assert tasks == {"OCR"}


def test_more_task_head_nouns(spans):
    found = spans("We study lexical simplification and automated essay scoring.")
    tasks = texts(found, "task")
    assert {"lexical simplification", "automated essay scoring"} <= tasks


def test_language_alone_does_not_name_a_dataset(spans):
    found = spans("We build a Chinese text corpus and also use the Dutch Senseval-2 test data.")
    datasets = texts(found, "dataset")
    assert not any(text.startswith("Chinese") for text in datasets)
    assert "Dutch Senseval-2 test data" in datasets


def test_hyphenated_compound_with_a_stop_word_stays_in_the_phrase(spans):
    found = spans("They use a unification-based grammatical framework.")
    assert "unification-based grammatical framework" in texts(found, "method")


def test_hyphenated_compound_counts_as_one_modifier(spans):
    found = spans("A low-level data-driven image processing algorithm runs first.")
    assert any(text == "low-level data-driven image processing algorithm" for _, text, _ in found)


def test_state_of_the_art_is_no_modifier(spans):
    found = spans("We compare with a state-of-the-art parser.")
    assert ("method", "parser", "parser") in found


def test_names_listed_after_a_dataset_word_are_datasets(spans):
    found = spans("We use standard datasets such as Im2Gps, SanFran and MediaEval2010. A new model, GeoNet, helps.")
    datasets = texts(found, "dataset")
    assert {"Im2Gps", "SanFran", "MediaEval2010"} <= datasets
    assert ("method", "GeoNet", "GeoNet") in found


def test_dashed_names_in_a_list_of_datasets_are_datasets(spans):
    found = spans("It outperforms prior methods on the HICO-DET and V-COCO benchmarks. We fine-tune Foo-Net. "
                  "Results on HOI-A, PIC-22 and Bar2 improve. It helps on Persian-Arabic SMT.")
    datasets = {canonical for kind, _, canonical in found if kind == "dataset"}
    assert {"HICO-DET", "V-COCO", "HOI-A", "PIC-22", "Bar2"} <= datasets
    assert ("method", "Foo-Net", "Foo-Net") in found
    assert not any("SMT" in name for name in datasets)  # a language pair is no name in the list


def test_an_evaluation_campaign_s_edition_names_its_data(spans):
    found = spans("We parse Stanford Dependencies, CoNLL-X, and Enju PAS. It also helps on DUC2001 and NTCIR-9. "
                  "We propose CoNLLNet.")
    assert {"CoNLL-X", "DUC2001", "NTCIR-9"} <= texts(found, "dataset")
    assert ("method", "CoNLLNet", "CoNLLNet") in found


def test_language_before_a_known_dataset_is_part_of_its_name(spans):
    found = spans("Frames come from the Chinese PropBank; english WordNet is not used.")
    assert ("dataset", "Chinese PropBank", "Chinese PropBank") in found
    assert ("dataset", "WordNet", "WordNet") in found


def test_common_verbs_do_not_open_a_phrase(spans):
    found = spans("Here we recast story segmentation and then choose topic detection.")
    tasks = texts(found, "task")
    assert tasks == {"story segmentation", "topic detection"}


def test_task_head_takes_a_short_of_phrase(spans):
    found = spans("We address automatic detection of abnormal behaviours, and tracking of the many small objects.")
    tasks = texts(found, "task")
    assert "automatic detection of abnormal behaviours" in tasks
    assert not any(text.startswith("tracking of") for text in tasks)  # "of the": a longer noun phrase


def test_of_phrase_stops_before_a_lexicon_name(spans):
    found = spans("We study segmentation of ImageNet photos.")
    assert not any(" of " in text for _, text, _ in found)


def test_acronym_long_form_keeps_a_stop_word_it_spells(spans):
    found = spans("We evaluate on named entity recognition (NER) and on the task (TSK) later.")
    assert "named entity recognition (NER)" in texts(found, "task")


def test_shared_task_is_named_like_a_dataset(spans):
    found = spans("Our system ranked first in the CoNLL 2008 shared task but not in a shared task on parsing.")
    tasks = texts(found, "task")
    assert "CoNLL 2008 shared task" in tasks
    assert "shared task" not in tasks


def test_of_phrase_counts_a_hyphenated_word_once(spans):
    found = spans("This enables alignment of non-rigid surfaces, even at scale.")
    assert "alignment of non-rigid surfaces" in texts(found, "task")


def test_gerund_before_task_names_it(spans):
    found = spans("Results on the reranking task and on a binary task differ.")
    tasks = texts(found, "task")
    assert tasks == {"reranking task"}


def test_evaluative_adjectives_are_not_part_of_a_method(spans):
    found = spans("They apply powerful training techniques and a classical grammatical formalism.")
    methods = texts(found, "method")
    assert {"training techniques", "grammatical formalism"} <= methods


def test_acronym_inside_a_phrase_is_skipped_by_the_modifier_walk(spans):
    found = spans("We improve part-of-speech (POS) tagging and word tokenization for tweets.")
    assert ("task", "part-of-speech (POS) tagging", "part-of-speech tagging") in found
    assert ("task", "word tokenization", "word tokenization") in found


def test_analysis_ends_a_task_but_not_a_papers_own_analysis(spans):
    found = spans("We study cross-lingual opinion analysis. An error analysis and factor analysis follow.")
    assert ("task", "cross-lingual opinion analysis", "cross-lingual opinion analysis") in found
    assert not any(text == "error analysis" for _, text, _ in found)
    assert ("method", "factor analysis", "factor analysis") in found


def test_more_clause_verbs_end_phrases(spans):
    found = spans("They apply language identification to gold segmentation output.")
    tasks = texts(found, "task")
    assert tasks == {"language identification"}


def test_acronym_after_a_head_of_another_type_ends_the_walk(spans):
    found = spans("Large language models (LLMs) possess exceptional sentiment understanding.")
    assert not any("LLMs" in text and type_ == "task" for type_, text, _ in found)


def test_title_case_words_in_a_title_do_not_name_a_dataset(extractor):
    title = "Sampler Design for Implicit Feedback Data and the GeoQA-2 Data"
    found = {(m.type, m.text) for m in extractor.extract(Paper(title=title, abstract=""))}
    assert ("dataset", "Implicit Feedback Data") not in found
    assert ("dataset", "GeoQA-2 Data") in found


@pytest.mark.parametrize("abstract, name, type_", [
    ("In this paper, we propose Differentiable Neural Input Search (DNIS), a method that searches embeddings.",
     "DNIS", "method"),
    ("Firstly, we construct a new dataset named UFine6926.", "UFine6926", "dataset"),
    ("We introduce BlockMNIST, an MNIST-based semi-real dataset, for the study.", "BlockMNIST", "dataset"),
    ("We present TaskExpert, a novel multi-task mixture-of-experts model for dense prediction.", "TaskExpert", "method"),
])
def test_a_describing_phrase_types_the_name(spans, abstract, name, type_):
    assert {kind for kind, _, canonical in spans(abstract) if canonical == name} == {type_}


def test_a_slash_list_of_versions_takes_the_stem_type(spans):
    found = spans("We report results on popular video benchmarks, including scene-related Kinetics-400/600/700 today.")
    assert ("dataset", "Kinetics-400/600/700", "Kinetics-400/600/700") in found


def test_a_generic_head_stays_where_the_name_needs_it(spans):
    found = spans("We build the Targeted Language Model and the Cross-level Multi-instance Distillation (CMD) framework.")
    names = {canonical for kind, _, canonical in found if kind == "method"}
    assert "Targeted Language Model" in names  # "Targeted Language" names nothing
    assert "Cross-level Multi-instance Distillation" in names  # the acronym in parentheses is no part of the name


def test_what_a_title_does_a_thing_by_is_a_method(extractor):
    found = {(m.type, m.text) for m in extractor.extract(
        Paper(title="Combating Mode Collapse in GANs via Manifold Entropy Estimation", abstract="We study GANs."))}
    assert ("method", "Manifold Entropy Estimation") in found
    found = {(m.type, m.text) for m in extractor.extract(
        Paper(title="Manifold Entropy Estimation for Generative Models", abstract="We study GANs."))}
    assert ("task", "Manifold Entropy Estimation") in found


def test_a_name_before_a_generic_method_word_is_the_name(spans):
    found = spans("We then introduce the MLLM-as-a-Judge mechanism and an Optimal Transport module, "
                  "besides an information aggregation module.")
    names = {canonical for kind, _, canonical in found if kind == "method"}
    assert {"MLLM-as-a-Judge", "Optimal Transport"} <= names
    assert "information aggregation module" in names  # no name before it: the phrase stays whole


def test_a_model_word_goes_only_where_a_name_is_left(spans):
    found = spans("We fine-tune the CLIP model. Log-linear models outperform IBM translation models. "
                  "We use an Augmented Transition Network and the foreground-aware feature contrast (FAC) framework.")
    assert ("method", "CLIP model", "CLIP") in found
    assert ("method", "IBM translation models", "IBM translation models") in found
    assert ("method", "Augmented Transition Network", "Augmented Transition Network") in found
    assert ("method", "foreground-aware feature contrast (FAC) framework", "foreground-aware feature contrast") in found


def test_an_acronym_of_a_problem_is_a_task_and_its_short_form_keeps_the_definitions_type(spans):
    found = spans("We apply it to the traveling salesman problem (TSP). A novel solution to unsupervised word "
                  "sense induction (WSI) is introduced. The WSI algorithm clusters words.")
    assert ("task", "traveling salesman problem (TSP)", "traveling salesman problem") in found
    assert ("task", "WSI", "word sense induction") in found
    assert not any(kind == "method" and canonical == "WSI" for kind, _, canonical in found)


def test_an_acronym_of_an_error_ratio_distance_or_coefficient_is_a_metric(spans):
    found = spans("We report the mean absolute percentage error (MAPE), the contrast-to-noise ratio (CNR), the "
                  "peak signal-to-noise ratio (PSNR) and the structural similarity index (SSIM) of the results.")
    metrics = {canonical for kind, _, canonical in found if kind == "metric"}
    assert {"MAPE", "contrast-to-noise ratio", "PSNR", "SSIM"} <= metrics
    assert not texts(found, "method")


def test_a_score_written_with_an_equals_sign_is_its_metric(spans):
    found = spans("Our approach reaches FID=1.42 and macro-F1=0.63 with N=100 samples.")
    assert {"FID", "macro-F1"} <= texts(found, "metric")
    assert not texts(found, "method")


def test_a_long_form_s_last_word_split_by_a_line_break_types_it(spans):
    found = spans("We ran experiments on short-text catego-rization (STC). Later STC improves.")
    assert ("task", "short-text catego-rization (STC)", "short-text categorization") in found
    assert ("task", "STC", "short-text categorization") in found


def test_a_measure_after_a_noun_is_a_metric(spans):
    found = spans("We evaluate it as a similarity measure and with the Dau measure, not a statistical measure.")
    assert {"similarity measure", "Dau measure"} <= texts(found, "metric")
    assert "statistical measure" not in texts(found, "metric")


def test_a_gerund_and_its_object_after_for_is_a_task_clause(spans):
    found = spans("We present a method for predicting segment boundaries. It is good for improving the results.")
    assert "predicting segment boundaries" in texts(found, "task")
    assert not any(text.startswith("improving") for text in texts(found, "task"))


def test_an_of_phrase_cut_at_a_coordination_is_no_part_of_the_task(spans):
    found = spans("It includes identification of 2-character and 3-character Chinese names.")
    assert not any(text.startswith("identification of") for text in texts(found, "task"))


def test_a_verb_before_the_modifiers_is_no_part_of_the_term(spans):
    found = spans("To this end we train word embeddings on news. The agent seeks feature extraction rules.")
    assert "word embeddings" in texts(found, "method")
    assert not any(text.startswith("train") for text in texts(found, "method"))


def test_a_named_dictionary_or_lexicon_is_a_dataset(spans):
    found = spans("Features come from the CMU Pronouncing Dictionary and the MPQA subjectivity lexicon.")
    assert {"CMU Pronouncing Dictionary", "MPQA subjectivity lexicon"} <= texts(found, "dataset")


def test_names_a_sentence_uses_as_its_data_are_datasets(spans):
    found = spans("We tune on MT02 and use MT05, MT06 and MT08 as test sets. GPT-4 serves as the judge model.")
    assert {"MT05", "MT06", "MT08"} <= texts(found, "dataset")
    assert "GPT-4" not in texts(found, "dataset")


def test_a_capital_a_caption_gives_is_no_metric_variant(spans):
    found = spans("Table 4: Parser accuracy on the test set. Scores in IBM BLEU and Matthews correlation rise.")
    assert "accuracy" in texts(found, "metric") and "Parser accuracy" not in texts(found, "metric")
    assert "IBM BLEU" in texts(found, "metric")


def test_a_task_before_a_metric_is_the_task_measured(spans):
    found = spans("It improves the classification accuracy and the segmentation performance of the models.")
    assert {"classification", "segmentation"} <= texts(found, "task")
    assert "accuracy" in texts(found, "metric")


@pytest.mark.parametrize("title", ["ChatGPT in forensic sciences: a new Pandora's box",
                                   "RAG vs Fine-tuning: Pipelines, Tradeoffs, and a Case Study",
                                   "Editorial: Artificial intelligence for education"])
def test_a_title_phrase_or_heading_before_the_colon_proposes_nothing(extractor, title):
    assert not [m for m in extractor.extract(Paper(title=title)) if m.role in ("proposes", "introduces")]


def test_a_title_name_before_the_colon_is_still_proposed(extractor):
    mentions = extractor.extract(Paper(title="Set Transformer: A Framework for Attention-based Networks"))
    assert [(m.text, m.role) for m in mentions if m.source == "title_name"] == [("Set Transformer", "proposes")]


def test_dataset_words_after_a_name_leave_its_name(spans):
    found = spans("We evaluate on the PKU and MSRA benchmark datasets. On NIST MT08 set, BLEU rises. "
                  "We also report the WMT14 test set.")
    names = {canonical for kind, _, canonical in found if kind == "dataset"}
    assert {"PKU", "MSRA", "NIST MT08", "WMT14 test set"} <= names  # PKU: a list ending in a dataset word


def test_evaluation_campaigns_are_no_methods(spans):
    found = spans("Testbeds such as SENSEVAL and SEMEVAL competitions helped. Results in the PASCAL Challenge "
                  "on Grammar Induction are low. We use FooNet.")
    assert not {"SENSEVAL", "SEMEVAL", "PASCAL"} & (texts(found, "method") | texts(found, "dataset"))
    assert "FooNet" in texts(found, "method")


def test_a_name_in_apposition_to_a_resource_is_a_dataset(spans):
    found = spans("We create a high-coverage German resource, DERIVBASE, mapping 280k lemmas. "
                  "With this resource, GPTX-2 achieves the best score.")
    assert "DERIVBASE" in texts(found, "dataset")
    assert "GPTX-2" not in texts(found, "dataset")  # no apposition: a verb follows the name


def test_the_word_after_we_is_a_verb(spans):
    found = spans("First, we frame citation classification as a domain adaptation task. "
                  "We model manipulation concepts as graphs.")
    assert "citation classification" in texts(found, "task")
    assert not {"frame citation classification", "model manipulation"} & texts(found, "task")


def test_items_of_a_task_list_are_tasks(spans):
    found = spans("It helps tasks such as question answering, taxonomy learning and document indexing (Smith), "
                  "and in applications, such as social websites, emotion classification matters.")
    assert {"taxonomy learning", "document indexing"} <= texts(found, "task")
    assert "taxonomy learning" not in texts(found, "method")
    assert "social websites" not in texts(found, "task")


def test_an_adjective_coordinated_before_a_task_shares_its_head(spans):
    found = spans("We study syntactic and semantic parsing. It helps tutoring and machine translation.")
    assert ("task", "syntactic and semantic parsing", "semantic parsing") in found
    assert "tutoring and machine translation" not in texts(found, "task")  # a noun there is a task of its own


def test_a_task_defined_before_its_task_word_keeps_its_acronym(spans):
    found = spans("Its use in the downstream Image-Text Retrieval (ITR) task is hard. "
                  "We give a comparative analysis of state-of-the-art models.")
    assert ("task", "Image-Text Retrieval (ITR)", "image-text retrieval") in found  # the definition, not "... (ITR)"
    assert not any(text.endswith("state-") for _, text, _ in found)  # no of-phrase cut inside a compound


def test_a_stop_word_that_makes_a_term_with_the_next_word_stays(spans):
    found = spans("We study named entity tagging and large vocabulary speech recognition. Large datasets help.")
    assert {"named entity tagging", "large vocabulary speech recognition"} <= texts(found, "task")


def test_a_benchmark_s_name_says_it_is_a_dataset(spans):
    found = spans("We evaluate agents on SPIN-Bench and MMBench. Our planner, PlanNet, helps.")
    assert {"SPIN-Bench", "MMBench"} <= texts(found, "dataset")
    assert ("method", "PlanNet", "PlanNet") in found


def test_a_list_with_a_known_dataset_in_it_is_a_list_of_datasets(spans):
    found = spans("Through experiments with VirtualHome, ALFRED, and CARLA, our approach is robust. "
                  "We compare with FooNet, BarNet and Zap.")
    assert "VirtualHome" in texts(found, "dataset")
    assert {"FooNet", "BarNet"} <= texts(found, "method")


def test_a_list_after_methods_including_is_of_methods(spans):
    found = spans("It includes 15 comparison methods including LPT, SPT, and STPT, and 4 frameworks like "
                  "LangGraph and CrewAI. We test on FooSet, including BarQA.")
    assert {"LPT", "SPT", "STPT", "LangGraph", "CrewAI"} <= texts(found, "method")
    assert not {"LPT", "SPT", "CrewAI"} & texts(found, "dataset")


def test_a_name_before_a_noun_of_another_kind_is_no_entity(spans):
    found = spans("We deploy it on a TIAGo robot and train on NVIDIA A100 and H100 GPUs with CCTV cameras. "
                  "ResNet-50 runs on it, and we propose FooNet.")
    names = {text for _, text, _ in found}
    assert not {"TIAGo", "A100", "H100", "CCTV"} & names
    assert {"ResNet-50", "FooNet"} <= names


def test_a_name_listed_beside_a_metric_or_before_the_word_metric_is_a_metric(spans):
    found = spans("It outperforms baselines on four metrics (i.e., BLEU, TER, YiSi-1, and human evaluation). "
                  "We gain 24 points in the WIRe57 metric. We evaluate on WikiTableQuestion, FetaQA, and TabFact.")
    assert {"YiSi-1", "WIRe57"} <= texts(found, "metric")
    assert {"WikiTableQuestion", "FetaQA", "TabFact"} <= texts(found, "dataset")
    assert not texts(found, "method")


def test_an_acronym_may_take_its_x_from_a_word_opening_with_ex(spans):
    found = spans("Extreme Multi-label Text Classification (XMTC) is hard.")
    assert ("task", "Extreme Multi-label Text Classification (XMTC)", "Extreme Multi-label Text Classification") in found


def test_a_name_ending_in_score_is_a_metric(spans):
    found = spans("We introduce DATScore. DATScore uses data augmentation, unlike BARTScore.")
    assert {"DATScore", "BARTScore"} <= texts(found, "metric")


def test_a_dataset_word_inside_a_long_form_does_not_make_it_a_dataset(spans):
    found = spans("We present Mixture of Data Experts (MoDE) for training.")
    assert ("method", "Mixture of Data Experts (MoDE)", "MoDE") in found
    found = spans("We present the Russian Corpus of Linguistic Acceptability (RuCoLA).")
    assert "dataset" in {kind for kind, text, _ in found if "RuCoLA" in text}


def test_a_type_word_right_before_a_name_types_it(spans):
    found = spans("We propose a method Semantic Units for Machine Translation (SU4MT) which models meanings. "
                  "The robot acts in ScienceWorld, a text game simulator for science experiments.")
    assert ("method", "SU4MT") in {(kind, canonical) for kind, _, canonical in found}
    assert "ScienceWorld" in texts(found, "dataset")


def test_markdown_emphasis_is_no_part_of_a_long_form(spans):
    found = spans("We introduce a new task called *entity-centric question generation* (ECQG), motivated by use.")
    assert ("task", "entity-centric question generation") in {(kind, canonical) for kind, _, canonical in found}


def test_a_masked_modeling_objective_is_a_method(spans):
    found = spans("We pre-train with masked audio modeling and evaluate on speech recognition.")
    assert "masked audio modeling" in texts(found, "method")
    assert "speech recognition" in texts(found, "task")


def test_a_known_model_with_a_dataset_suffix_is_a_model(spans):
    found = spans("We score the pairs with DeBERTa-large-MNLI and test on FS-COCO.")
    assert "DeBERTa-large-MNLI" in texts(found, "method") and "FS-COCO" in texts(found, "dataset")


def test_a_title_opening_with_a_definition_introduces_it(extractor):
    paper = Paper(title="Habitat Synthetic Scenes Dataset (HSSD-200): An Analysis of 3D Scene Scale", abstract="")
    assert ("dataset", "introduces") in {(m.type, m.role) for m in extractor.extract(paper) if "HSSD-200" in m.text}


def test_an_appositive_types_a_proposal_whatever_words_follow(spans):
    found = spans("To that end, we introduce NonFactS, a data generation model, to synthesize summaries.")
    assert "NonFactS" in texts(found, "method") and "NonFactS" not in texts(found, "dataset")
