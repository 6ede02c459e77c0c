"""The entity decision: which entities are graph nodes, of what kind (kg/entity_decision.py)."""
from __future__ import annotations

import gzip
import json

import pytest

import kg
from kg.entity_decision import decide
from kg.extraction import Extractor
from kg.model import Paper
from kg.name_flaws import broken, described, fragment
from kg.resolution import resolve


def kinds(*abstracts: str, title: str = "A paper") -> dict[str, str]:
    """Entity name -> kind over a small corpus, through the real extractor and resolution."""
    papers = [Paper(title=title, abstract=text) for text in abstracts]
    mentions = list(Extractor().pipe(papers))
    entities = resolve(mentions)
    decide(entities, mentions)
    return {e.name: e.kind for e in entities}


@pytest.mark.parametrize("abstract, name", [
    ("We introduce a multi-grained sparse learning framework for retrieval.", "multi-grained sparse learning framework"),
    ("Our voting-based inlier searching strategy is robust.", "voting-based inlier searching strategy"),
    ("A two-level instruction architecture is trained on ImageNet.", "two-level instruction architecture"),
])
def test_descriptions_are_no_names(abstract, name):
    assert kinds(abstract)[name] == "description"


@pytest.mark.parametrize("name", ["faithful counterfactual generation", "specialized understanding",
                                  "clear understanding", "proper understanding", "outstanding recognition"])
def test_an_evaluative_first_word_makes_a_description(name):
    assert described(name, established=False) == "qualified by an evaluative word"


@pytest.mark.parametrize("abstract, name", [
    ("It is hard to develop models for tabular data.", "develop models"),
    ("Agents rely on querying search engines for answers.", "querying search engines"),
    ("The Compute-Optimal regime is studied.", "Compute-Optimal"),
    ("We study Low-Dimensional embeddings of words.", "Low-Dimensional embeddings"),
    ("We develop a width limit, the Bayesian representation learning limit, that exhibits representation learning "
     "mirroring that in finite-width models.", "exhibits representation learning"),
])
def test_fragments_are_no_names(abstract, name):
    assert kinds(abstract)[name] == "description"


def test_broken_spans_are_no_names():
    from kg.name_flaws import broken
    for name in ("OOD) data", "BlockMNIST-based", "Adam-v2's representations", "fine-tuned 7B-8B", "1M"):
        assert broken(name), name
    for name in ("CUB-200-2011", "GPT-4o", "ResNet-50", "Llama 3.1", "word error rate"):
        assert broken(name) is None, name


def test_an_abbreviation_nothing_explains_is_no_node_but_one_in_ml_context_is():
    found = kinds("Hospitals store EHR for each visit.", "The previous diffusion model EDM is slow.",
                  "Patients with EHR and ROP were seen.", "We propose TKRE for the job.")
    assert found["EHR"] == "name"  # two papers name it
    assert found["ROP"] == "description"  # one paper, no definition, no model word, no lexicon entry beside it
    assert found["EDM"] == found["TKRE"] == "name"  # after a model word; proposed


def test_sizes_and_web_sites_are_no_names():
    found = kinds("We filter a 10B-token subset of FineWeb with products bought on JD.com.")
    assert found.get("10B-token", "description") == found.get("JD.com", "description") == "description"
    assert found["FineWeb"] != "description"


def test_author_debris_and_cut_quotes_are_broken():
    from kg.name_flaws import broken
    for name in ("PAPASTEFANOU1,2", "3Department", "Advertising\u2014Will", 'a"hyper-accuracy'):
        assert broken(name), name
    for name in ("3DIEBench", "I3D", "3D-CNN"):
        assert broken(name) is None, name


def test_a_dashed_modifier_before_tasks_is_no_task():
    found = kinds("We evaluate on sentence-pair tasks and super-resolution tasks.")
    assert found["sentence-pair"] == "description"
    assert found["super-resolution"] == "concept"


def test_a_dashed_manner_modifier_on_a_bare_task_word_describes_but_x_based_reasoning_is_a_term():
    found = kinds("It adds task-specific classification and trade-off retrieval to the pipeline.",
                  "It adds uncertainty-aware verification, case-based reasoning and character-level translation.")
    assert found["task-specific classification"] == found["trade-off retrieval"] == "description"
    assert found["uncertainty-aware verification"] == "description"
    assert found["case-based reasoning"] == found["character-level translation"] == "concept"


def test_a_modifier_with_ai_and_a_report_are_no_methods():
    found = kinds("We study human-AI collaboration in teams, as the AI100 report asks, with CLIP.")
    assert found["human-AI"] == found["AI100"] == "description"
    assert found["CLIP"] == "name"


def test_venues_and_headings_in_capitals_are_no_entities():
    found = kinds("Papers of the Journal of Advertising (JA) are read. JA is cited.",
                  "STRATEGIC MANAGEMENT MODEL of firms, with BERT.")
    assert found["JA"] == "description"
    assert [kind for name, kind in found.items() if name.startswith("STRATEGIC")] == ["description"]
    assert found["BERT"] == "name"


def test_names_concepts_and_generic_terms():
    found = kinds("We fine-tune CLIP with prompt tuning and report accuracy on CUB-200-2011 for text classification.",
                  "Our method cMIM improves deep metric learning.")
    assert found["CLIP"] == found["CUB-200-2011"] == found["cMIM"] == "name"
    assert found["prompt tuning"] == found["text classification"] == found["deep metric learning"] == "concept"
    assert found["accuracy"] == "generic"


def test_a_platform_is_no_method():
    assert kinds("We collect videos from YouTube and OpenStreetMap tiles.")["YouTube"] == "description"


def test_a_phrase_only_a_title_capitalises_is_judged_as_lower_case():
    found = kinds("We study agents that plan over many steps.", title="Training Vision-Language Agents At Scale")
    assert found["Vision-Language"] == "description"  # a capitalised title word no abstract names
    found = kinds("We study agents that plan over many steps.", title="Hierarchical Pretraining of Visual Networks")
    assert found["Visual Networks"] == "description"  # "visual networks": a description ending in a generic word


def test_generic_tails_fold_into_the_named_entity():
    mentions = list(Extractor().pipe([
        Paper(title="A", abstract="We build on contrastive learning for vision."),
        Paper(title="B", abstract="Our contrastive learning framework helps retrieval on BEIR."),
        Paper(title="C", abstract="We report BEIR retrieval results and NDCG@10."),
    ]))
    entities = {e.name: e for e in resolve(mentions)}
    assert "contrastive learning framework" not in entities
    assert "contrastive learning framework" in entities["contrastive learning"].aliases
    assert "BEIR retrieval" not in entities and entities["BEIR"].type == "dataset"
    assert entities["NDCG@10"].type == "metric"


def test_the_corpus_votes_on_a_shape_typed_name():
    mentions = list(Extractor().pipe([
        Paper(title="A", abstract="We evaluate on the XSumm dataset."),
        Paper(title="B", abstract="Results on summarisation with XSumm and BART are strong."),
    ]))
    types = {(e.name, e.type) for e in resolve(mentions)}
    assert ("XSumm", "dataset") in types and ("XSumm", "method") not in types


def test_every_entity_gets_a_kind_and_a_confidence(sample_graph):
    entities = [a for _, a in sample_graph.nodes(data=True) if a.get("label") not in ("Paper", "Author")]
    assert entities and all(a["kind"] in ("name", "concept", "generic") for a in entities)
    assert all(0 < a["confidence"] <= 1 for a in entities)


def test_descriptions_stay_in_mentions_and_become_nodes_only_when_kept(tmp_path, run_kg, sample_paths):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "p1", "title": "A study", "abstract":
                                  "We propose a two-level instruction architecture and train it with CLIP."}) + "\n")
    for flags, out in (([], tmp_path / "default"), (["--keep-descriptions"], tmp_path / "kept")):
        run_kg("build", source, "--out", out, "--quiet", "--workers", "1", *flags, check=True)
    line, = gzip.decompress((tmp_path / "default" / "mentions.jsonl.gz").read_bytes()).decode().splitlines()
    mentioned = {e["text"]: e["kind"] for e in json.loads(line)["entities"]}
    assert mentioned["two-level instruction architecture"] == "description" and mentioned["CLIP"] == "name"
    default, kept = kg.open(tmp_path / "default").to_networkx(), kg.open(tmp_path / "kept").to_networkx()
    assert "method:clip" in default and "method:two-level-instruction-architecture" not in default
    assert kept.nodes["method:two-level-instruction-architecture"]["kind"] == "description"


def test_an_acronym_of_words_no_ml_name_uses_is_no_entity_but_one_of_ml_words_is():
    found = kinds("Auctions lead to violations of individual rationality (IR) in expectation.",
                  "Electronic health records (EHR) contain narrative notes.",
                  "AI helps screening for retinopathy of prematurity (ROP) in infants.",
                  "Semiconductor nanocrystals (NCs) are used in synaptic devices.",
                  "We minimise the maximum mean discrepancy (MMD) between the two domains.",
                  "A discrete wavelet transform (DWT) filter bank is embedded in the encoder.",
                  "Funnelling (Fun) is a recently proposed method for cross-lingual text classification.")
    assert found["IR"] == found["EHR"] == found["ROP"] == found["NCs"] == "description"
    assert "description" not in (found["MMD"], found["DWT"], found["Fun"])


def test_a_task_head_that_is_also_an_adjective_ends_a_task():
    assert kinds("Image matching is a fundamental problem in vision.")["Image matching"] != "description"


def test_an_acronym_of_a_language_is_no_entity():
    found = kinds("We study sentiment in Modern Standard Arabic (MSA) news.",
                  "Parsing Morphologically Rich Languages (MRLs) is hard for the Tree Adjoining Grammar (TAG).")
    assert found["MSA"] == found["MRLs"] == "description"
    assert found["tree-adjoining grammar"] == "concept"  # TAG: an acronym of a method


def test_a_generic_class_shaped_like_a_name_is_generic():
    found = kinds("We fine-tune pre-trained models (PTMs) for retrieval. PTMs are strong.",
                  "We propose TKRE for the job.")
    assert found["PTMs"] == "generic"  # a node, left out of rankings and views by default
    assert found["TKRE"] == "name"


def test_a_phrase_about_a_model_family_is_no_name():
    found = kinds("We study LLM reasoning and AI-driven planning with LLM-generated heuristics and an LLM+validator.",
                  "LLM-Planner and MLLM-as-a-Judge are used, as is explainable AI. LLM reasoning helps.")
    assert found["LLM reasoning"] == found["AI-driven planning"] == "description"
    assert found["LLM-generated heuristics"] == found["LLM+validator"] == "description"
    assert found["LLM-Planner"] == "name"


def test_an_acronym_of_a_notation_or_protocol_is_no_entity_of_any_type():
    found = kinds("We translate tasks into the Planning Domain Definition Language (PDDL). PDDL problems are hard.",
                  "The Model Context Protocol (MCP) and Business Process Modeling Notation (BPMN) are used.",
                  "We solve PDDL problems with FooPlan and report results on the PDDL dataset.")
    found_types = kinds_by_type("We translate tasks into the Planning Domain Definition Language (PDDL).",
                                "We solve PDDL problems and report results on the PDDL dataset.")
    assert found["MCP"] == found["BPMN"] == "description"
    assert found_types and all(kind == "description" for (_, name), kind in found_types.items() if name == "PDDL")
    assert found["FooPlan"] == "name"


def kinds_by_type(*abstracts: str) -> dict[tuple[str, str], str]:
    """(type, entity name) -> kind, where one name is an entity of several types."""
    papers = [Paper(title="A paper", abstract=text) for text in abstracts]
    mentions = list(Extractor().pipe(papers))
    entities = resolve(mentions)
    decide(entities, mentions)
    return {(e.type, e.name): e.kind for e in entities}


@pytest.mark.parametrize("name", ["GenPlanX. Generation", "generation of semantically", "non-reasoning"])
def test_a_sentence_end_a_trailing_adverb_or_a_lone_non_word_is_a_broken_span(name):
    assert broken(name) is not None


@pytest.mark.parametrize("name", ["fine-tuning CSL", "solving AI", "building AgriRef"])
def test_a_gerund_before_a_name_is_a_verb_with_its_object(name):
    assert fragment(name) == "a gerund with its object"


@pytest.mark.parametrize("name, flawed", [
    ("dataset-driven pattern matching", True), ("collaboration-aware recommendation enhancement", True),
    ("exploration-integrated task planning", True), ("target-oriented sentiment classification", False),
    ("task-specific classification", True),
])
def test_a_dashed_how_before_a_task_describes_a_case(name, flawed):
    assert (described(name, established=False) is not None) == flawed


def test_names_wrapped_over_two_lines_are_one_line():
    """arXiv wraps abstracts: a name cut by a line break is the same name, and no name or alias holds the break."""
    papers = [Paper(title="A", abstract="We evaluate on ActivityNet\nCaptions and study the video\ngeneration task."),
              Paper(title="B", abstract="Results on ActivityNet Captions for video generation.")]
    mentions = list(Extractor().pipe(papers))
    entities = resolve(mentions)
    names = {e.name for e in entities} | {a for e in entities for a in e.aliases}
    assert "ActivityNet Captions" in {e.name for e in entities}
    assert not [n for n in names if "\n" in n]
    assert len([e for e in entities if e.name.casefold() == "video generation"]) == 1


@pytest.mark.parametrize("abstract, name", [
    ("MedM2G is the first medical generative model that unifies medical generation tasks of text-to-image, "
     "image-to-text, and unified generation of medical modalities.", "unifies medical generation"),
    ("Quilt-Instruct supports contextual reasoning by extracting facts.", "Quilt-Instruct supports contextual reasoning"),
])
def test_a_verb_form_makes_a_fragment(abstract, name):
    assert kinds(abstract)[name] == "description"


@pytest.mark.parametrize("name, flawed", [("2D/3D", True), ("3D", True), ("2D-3D", True), ("3D-GS", False),
                                          ("R2D2", False), ("4DHumans", False)])
def test_a_dimension_alone_is_no_name(name, flawed):
    assert bool(broken(name)) is flawed


def test_a_dimension_does_not_make_a_phrase_a_name():
    found = kinds("We adapt 2D pretrained models for 3D segmentation tasks and 3D human reconstruction.")
    assert found["3D segmentation"] == "concept"
    assert found["3D human reconstruction"] == "concept"


def test_a_task_before_a_dataset_word_names_no_dataset():
    entities = {(e.type, e.name): e.kind for e in _entities(
        "Our dataset is the largest real-world HDR video reconstruction dataset.")}
    assert entities[("dataset", "HDR video reconstruction")] == "description"


def test_a_named_dataset_with_a_task_word_stays():
    entities = {(e.type, e.name): e.kind for e in _entities("We release Real-HDRV, a benchmark dataset for HDR "
                                                            "video reconstruction.")}
    assert entities[("dataset", "Real-HDRV")] != "description"


def _entities(*abstracts: str):
    papers = [Paper(title="A paper", abstract=text) for text in abstracts]
    mentions = list(Extractor().pipe(papers))
    entities = resolve(mentions)
    decide(entities, mentions)
    return entities


def test_classes_of_models_are_generic():
    assert kinds("We take advantage of pretrained vision models (PVMs) for the discriminator.")["PVMs"] == "generic"
    found = kinds("Researchers have also developed Large Vision-Language Models (LVLMs) with ICL capabilities.",
                  title="SonicVisionLM: Playing Sound with Vision Language Models")
    assert found["Vision Language Models"] == "generic"
    assert found["SonicVisionLM"] == "name"


def test_a_task_written_x_of_y_is_a_description():
    found = kinds("MedM2G is the first medical generative model that unifies medical generation tasks of "
                  "text-to-image, image-to-text, and unified generation of medical modalities (CT, MRI, X-ray).")
    assert found["generation of medical modalities"] == "description"


def test_future_is_no_part_of_a_name():
    found = kinds("This paradigm presents a new opportunity for the future decentralized learning, enhancing it.")
    assert "decentralized learning" in found and "future decentralized learning" not in found


def test_a_piece_of_an_acronym_spelling_is_broken():
    assert broken("LOttery Transformers") and broken("DEtection TRansformer")
    assert broken("SPred") is None and broken("LOTUS") is None


def test_a_component_word_after_a_definition_makes_a_method():
    mentions = Extractor().extract(Paper(title="", abstract=(
        "Our key innovation is the Reward Difference Prediction (RDP) objective that is stable.")))
    assert {(m.type, m.canonical) for m in mentions if m.source == "acronym"} == {("method", "RDP")}


def test_a_benchmarking_subtitle_makes_the_title_name_a_dataset():
    mentions = Extractor().extract(Paper(title="EvalCrafter: Benchmarking and Evaluating Large Video Generation Models"))
    assert ("dataset", "EvalCrafter", "introduces") in {(m.type, m.canonical, m.role) for m in mentions}


@pytest.mark.parametrize("name, reason", [
    ("against multi-label FDIA locational detection", "starts with a preposition"),
    ("beyond AGI-style", "starts with a preposition"),
])
def test_a_phrase_opened_by_a_preposition_is_a_fragment(name, reason):
    assert fragment(name) == reason


def test_a_phrase_ending_in_a_participle_has_lost_its_head():
    assert broken("3D motion captured") == "ends in a participle: its head noun is missing"
    assert broken("masked language modeling") is None and broken("Stable Diffusion") is None


def test_degrees_of_freedom_are_a_dimension():
    assert broken("6DoF") and broken("6-DoF") and broken("DoFNet") is None


def test_a_common_word_before_a_known_name_folds_into_it():
    found = {e.name: e.aliases for e in _entities(
        "It can benefit from RL finetuning (RLFT) methods. We improve the base RLFT algorithm.",
        "We fine-tune CLIP. We find patterns that challenge CLIP models on counting.")}
    assert "base RLFT" not in found and "challenge CLIP" not in found
    assert "base RLFT algorithm" in found["RLFT"] and "challenge CLIP models" in found["CLIP"]


def test_a_name_shape_after_a_number_is_a_unit():
    mentions = Extractor().extract(Paper(title="", abstract=(
        "It improves PSNR by 0.7 dB and runs at 21~28 FPS on 8 A100 GPUs, with +5.8 HIT@1 on QVHighlights.")))
    found = {m.text for m in mentions}
    assert not {"dB", "FPS", "A100"} & found
    assert {"HIT@1", "QVHighlights"} <= found


def test_a_formula_variable_and_a_sensor_are_no_entities():
    assert broken("D_B") == "LaTeX debris" and broken("D_B$") == "LaTeX debris"
    found = kinds("It includes 30k 3D boxes with precise GPS and IMU data, and fMRI brain activity.")
    assert all(found.get(name, "description") == "description" for name in ("GPS", "IMU", "fMRI"))


def test_a_definition_wrapped_over_two_lines_still_defines():
    """arXiv wraps abstracts at 80 columns; a long form cut by the wrap is still the acronym's long form."""
    entities = _entities("We represent humans via the recently emerging 3D Gaussian\nSplatting (3D-GS) representation.",
                         "Our 3D-GS avatars render in real time.")
    found = {e.name: set(e.aliases) for e in entities if e.type == "method"}
    assert "3D-GS" in found["3D Gaussian Splatting"]
    assert "3D-GS" not in found


def test_a_dashed_short_form_is_defined():
    mentions = Extractor().extract(Paper(title="", abstract=(
        "We study Person Re-Identification (Re-ID) in the wild. Re-ID is hard, and so is Re-IDX.")))
    refs = [(m.text, m.canonical) for m in mentions if m.source == "acronym_ref"]
    assert ("Re-ID", "re-identification") in refs
    assert all(text != "Re-IDX" for text, _ in refs)


def test_a_quantity_with_its_unit_is_no_name():
    assert broken("140Hz") and broken("30fps") and broken("2.5GHz")
    assert broken("360Loc") is None and broken("3DMM") is None


def test_a_dashed_variant_of_a_known_dataset_is_a_dataset():
    mentions = Extractor().extract(Paper(title="", abstract="We sketch on FS-COCO scenes with the model."))
    assert ("FS-COCO", "dataset") in {(m.text, m.type) for m in mentions}


def test_a_name_made_a_modifier_describes_but_a_long_form_may_still_name():
    found = kinds("Second, we introduce BlockMNIST, an MNIST-based semi-real dataset, for saliency.",
                  "We propose Deep SNR-based Metric Learning (DSML) to learn embeddings. Our DSML is simple.")
    assert found["MNIST-based semi-real"] == "description"
    assert found["DSML"] == "name"


def test_two_names_joined_by_a_slash_are_a_broken_span():
    assert broken("CIFAR-10/ImageNet-64") and broken("TCP/IP") is None and broken("encoder/decoder") is None


def test_languages_and_language_families_are_no_nodes():
    found = kinds("We build a code-mixed Hinglish dataset i.e., MUTANT.",
                  "We study three language families - Romance, Uralic, and Indo-Aryan - with mBERT.")
    assert found.get("Hinglish", "description") == "description"
    assert found.get("Indo-Aryan", "description") == "description"
    assert found["mBERT"] == "name"


def test_a_language_or_a_lost_head_is_no_task():
    found = kinds("Pre-trained models changed how models are trained for programming language tasks too.",
                  "CLIP was studied in general-domain multimodal problems and in low-resource image tasks.")
    assert found["programming language"] == "description"
    assert found["low-resource image"] == "description"
    assert found["general-domain multimodal"] == "description"
    assert broken("MultimodaL Article Summarization")


def test_a_capital_that_only_opens_a_sentence_makes_no_title_case_name():
    found = kinds("Multi-task language models show outstanding performance with a single model.",
                  title="Task-specific Compression for Multi-task Language Models")
    assert found["Multi-task Language Models"] != "name"
    found = kinds("We propose the Channel Adaptive Vision Transformer architecture for images.")
    assert found["Channel Adaptive Vision Transformer"] == "name"


def test_a_dataset_named_only_by_a_task_is_unnamed():
    found = kinds("Extreme Multi-label Text Classification (XMTC) is a hard problem. We reach the state of the art "
                  "on XMTC benchmark datasets and on EURLex-4K.")
    assert found["XMTC"] == "description"
    assert found["EURLex-4K"] == "name"


def test_a_family_of_neural_networks_is_no_description():
    assert described("recurrent convolutional neural networks", established=False) is None
    assert described("edge representation learning framework", established=False)


def test_how_many_of_a_generic_thing_names_nothing():
    assert described("single model", established=True) and described("separate models", established=True)
    assert described("single agent planning", established=False) is None


@pytest.mark.parametrize("name", ["seven transformer", "easy-to-implement transformer",
                                  "simple-yet-effective Phrase-Enhanced Transformers"])
def test_counted_and_evaluative_compounds_describe(name):
    assert described(name, established=False)


def test_a_capitalised_adverb_and_a_family_compound_are_fragments():
    assert fragment("Precisely understanding")
    found = kinds("We study multi-round human-and-LLM collaboration for annotation.")
    assert found.get("human-and-LLM", "description") == "description"


def test_a_dataset_of_common_words_or_a_task_said_of_a_name_is_no_node():
    found = kinds("We test on 3D scene datasets and on the Wall Street Journal treebank.",
                  "We study the generation of LLMs on ScanNet.")
    assert found.get("3D scene", "description") == "description"
    assert found["Wall Street Journal treebank"] != "description"
    assert found.get("generation of LLMs", "description") == "description"


def test_real_cv_terms_the_shape_rules_used_to_drop():
    found = kinds("MicroCinema takes a Divide-and-Conquer strategy. We study class-agnostic detection and "
                  "referring segmentation.",
                  "We propose a contrastive learning framework, termed Document Object COntrastive learning (DoCo), "
                  "for VDU. DoCo is simple.")
    assert found["Divide-and-Conquer"] != "description"
    assert found["class-agnostic detection"] != "description"
    assert found["referring segmentation"] != "description"
    assert found["DoCo"] == "name"


def test_a_spelled_acronym_word_and_a_phone_are_no_nodes():
    assert broken("HIerarchical") and broken("ImaginE") is None
    found = kinds("RepViT reaches 1.0 ms latency on an iPhone 12.")
    assert found.get("iPhone", "description") == "description"


@pytest.mark.parametrize("name", ["parameters per", "selected few-shot", "general-domain multimodal"])
def test_a_phrase_cut_before_its_head_or_object_is_broken(name):
    assert broken(name)


def test_a_verb_in_izes_opens_a_fragment_and_a_heading_in_capitals_is_no_name():
    assert fragment("operationalizes sociocultural pragmatic inference")
    assert kinds("DISCUSSION: we compare RoBERTa on summaries.").get("DISCUSSION", "description") == "description"
    assert kinds("We evaluate with the PYRAMID method on TREC data.")["PYRAMID"] == "name"


def test_a_long_form_ending_in_an_ml_component_word_is_an_ml_name():
    found = kinds("We propose a flexible uniform regularizer (FUR) for long-tailed learning. FUR is simple.")
    assert found["FUR"] == "name"
