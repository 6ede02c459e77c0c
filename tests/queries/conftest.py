"""Fixtures for the named-query tests: a small hand-made graph that follows docs/schema.md."""
from __future__ import annotations

import pytest

from kg.assembly import assemble
from kg.model import Entity, Mention, Paper

# (type, canonical name, aliases, host, kind)
ENTITIES = [
    ("method", "CLIP", ["Contrastive Language-Image Pre-training"], None, "name"),
    ("method", "LoRA", ["Low-Rank Adaptation"], None, "name"),
    ("method", "SoftPrompt", [], None, "name"),
    ("dataset", "ImageNet", ["ImageNet-1k"], None, "name"),
    ("dataset", "COCO", [], None, "name"),
    ("dataset", "GLUE", [], None, "name"),
    ("task", "question answering", ["QA"], None, "concept"),
    ("task", "zero-shot classification", [], None, "concept"),
    ("metric", "accuracy", [], None, "generic"),
    ("repository", "https://github.com/openai/CLIP", [], "github", "name"),
    ("repository", "https://github.com/microsoft/LoRA", [], "github", "name"),
]

# key fields, abstract, and the (surface text, canonical, type, role) mentions found in it
PAPERS = [
    (dict(arxiv_id="2401.00001", title="Learning Transferable Visual Models", year=2024, published="2024-01-05",
          authors=["Alec Radford", "Jong Wook Kim"]),
     "We propose CLIP. It is evaluated on ImageNet for zero-shot classification with accuracy. "
     "Code: https://github.com/openai/CLIP",
     [("CLIP", "CLIP", "method", "proposes"), ("ImageNet", "ImageNet", "dataset", "evaluates_on"),
      ("zero-shot classification", "zero-shot classification", "task", "addresses"),
      ("accuracy", "accuracy", "metric", "reports"),
      ("https://github.com/openai/CLIP", "https://github.com/openai/CLIP", "repository", "has_code")]),
    (dict(arxiv_id="2402.00002", title="LoRA: Low-Rank Adaptation of Large Models", year=2024,
          authors=["Edward Hu", "Ada Lovelace"], references=[("2401.00001", None)]),
     "We introduce Low-Rank Adaptation and test it on GLUE for question answering. "
     "We also use CLIP. Code: https://github.com/microsoft/LoRA",
     [("Low-Rank Adaptation", "LoRA", "method", "proposes"), ("GLUE", "GLUE", "dataset", "evaluates_on"),
      ("question answering", "question answering", "task", "addresses"), ("CLIP", "CLIP", "method", "uses"),
      ("https://github.com/microsoft/LoRA", "https://github.com/microsoft/LoRA", "repository", "has_code")]),
    (dict(arxiv_id="2501.00003", title="Tuning CLIP with LoRA", year=2025, published="2025-01-10",
          authors=["Ada Lovelace"], references=[("2401.00001", None), ("2402.00002", None), (None, "10.1/old")]),
     "We fine-tune Contrastive Language-Image Pre-training with LoRA on ImageNet-1k and COCO. "
     "LoRA helps QA accuracy.",
     [("Contrastive Language-Image Pre-training", "CLIP", "method", "uses"), ("LoRA", "LoRA", "method", "uses"),
      ("ImageNet-1k", "ImageNet", "dataset", "evaluates_on"), ("COCO", "COCO", "dataset", "evaluates_on"),
      ("LoRA", "LoRA", "method", "uses"), ("QA", "question answering", "task", "addresses"),
      ("accuracy", "accuracy", "metric", "reports")]),
    (dict(arxiv_id="2502.00004", title="SoftPrompt for vision-language models", year=2025,
          authors=["Jong Wook Kim", "Grace Hopper"], references=[("2501.00003", None)]),
     "We propose SoftPrompt, which uses CLIP and LoRA, and introduce COCO.",
     [("SoftPrompt", "SoftPrompt", "method", "proposes"), ("CLIP", "CLIP", "method", "uses"),
      ("LoRA", "LoRA", "method", "uses"), ("COCO", "COCO", "dataset", "introduces")]),
    (dict(title="A study without identifiers", authors=["Grace Hopper"]),
     "We use lora on ImageNet.",
     [("lora", "LoRA", "method", "uses"), ("ImageNet", "ImageNet", "dataset", "evaluates_on")]),
]


def _mentions(paper: Paper, found) -> list[Mention]:
    mentions, searched_from = [], {}
    for text, canonical, entity_type, role in found:
        start = paper.abstract.index(text, searched_from.get(text, 0))
        searched_from[text] = start + len(text)
        mentions.append(Mention(entity_type, text, canonical, role, "abstract", start, start + len(text),
                                sentence=paper.abstract[:start].count(". "), evidence=paper.abstract,
                                source="fixture", entity_id=Entity(entity_type, canonical).node_id))
    return mentions


def build_small_graph():
    """Five papers, one stub, eleven entities: every label and relationship type of the schema."""
    from kg.model import PaperRef
    papers, mentions = [], []
    for fields, abstract, found in PAPERS:
        fields = dict(fields)
        refs = [PaperRef(arxiv_id=arxiv_id, doi=doi) for arxiv_id, doi in fields.pop("references", [])]
        paper = Paper(abstract=abstract, references=refs, sources=["fixture"], **fields)
        papers.append(paper)
        mentions.append(_mentions(paper, found))
    entities = [Entity(t, name, aliases=[name, *aliases], host=host, kind=kind, confidence=0.9)
                for t, name, aliases, host, kind in ENTITIES]
    stub = Paper(title="An old paper", doi="10.1/old", stub=True)
    citations = [(paper.key, ref.keys()[0], "fixture") for paper in papers for ref in paper.references]
    return assemble(papers, mentions, entities, citations, [stub])


@pytest.fixture(scope="session")
def small_graph():
    """The hand-made graph (treat as read-only)."""
    return build_small_graph()


# Parameters for the hand-made graph: spelled as aliases, in odd case, to test resolution.
SMALL_GRAPH_PARAMS = {"paper": "2501.00003", "method": "contrastive language-image pre-training",
                      "dataset": "imagenet-1K", "task": "qa", "entity": "low-rank adaptation",
                      "author": "ada lovelace", "year": 2025, "source": "softprompt", "target": "GLUE",
                      "text": "co", "type": "dataset", "kind": "names", "n": 3, "after": "paper:2401.00001", "max_papers": 3}


@pytest.fixture(scope="session")
def small_graph_params():
    """``small_graph_params(name)`` -> the parameters query ``name`` takes, for the hand-made graph."""
    import queries
    return lambda name: {key: SMALL_GRAPH_PARAMS[key] for key in queries.describe(name)["params"]}
