"""Which entities become graph nodes: one decision per entity, taken over the whole corpus.

kg keeps two layers. **Mentions** (what ``kg extract`` and ``kg eval`` report) may be broad, for
recall. **Graph entities** (what ``kg build`` makes nodes of) must be right: every node is a claim
that it is a method, dataset, task or metric. After resolution has merged mentions into entities,
:func:`decide` gives every entity a ``kind`` and a ``confidence`` from everything kg knows of it:
the name's shape and head word, its first word and modifiers, the rules that found it, the
lexicons, and corpus evidence (how many papers name it, whether one defines it, whether a title
names it). The kinds:

``name``
    a proper name: CLIP, CUB-200-2011, cMIM, a repository URL.
``concept``
    an established term: prompt tuning, deep metric learning, text classification, word error rate.
``generic``
    a real term too general to be a useful node by itself (accuracy, language models); it stays a
    node, but rankings and views leave it out by default.
``description``
    a phrase that names nothing: a description ("multi-grained sparse learning framework"), a
    clause fragment ("develop models"), a broken span ("OOD) data"), something of none of the four
    types (YouTube). Its mentions stay in ``mentions.jsonl.gz`` with this kind; it is no node unless
    the build keeps descriptions (``kg build --keep-descriptions``).

>>> from kg.model import Entity, Mention
>>> m = Mention("method", "multi-grained sparse learning framework", "multi-grained sparse learning framework",
...             "uses", "abstract", 0, 39, source="cue_phrase")
>>> e = Entity("method", m.canonical)
>>> m.entity_id = e.node_id
>>> decide([e], [[m]])[e.node_id].kind, m.kind
('description', 'description')
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from kg.extraction.lexicon import load, name_key
from kg.model import Entity, Mention
from kg.name_flaws import (ACRONYM_PIECE, about_a_model_family, broken, built_on_a_name, dangling, described,
                           fragment, has_name_part, modifier_as_task, task_heads, title_words_lowered, words)
from kg.resolution import definition

# How many papers must name a lower-case phrase with a generic head before it counts as a term.
ESTABLISHED_PAPERS = 3
NOT_OF_ANY_TYPE = "a site, service, format or organisation, of none of the four types"
NO_ENTITY_UNDER_ANY_TYPE = "an acronym of a language, notation, protocol or format (PDDL, MCP, MSA), not an entity"
_WEB_ADDRESS = re.compile(r"\.(?:com|org|net|io|ai|cn)$", re.I)  # JD.com, Amazon.com: web sites


@dataclass(frozen=True, slots=True)
class Decision:
    """The kind of one entity, how sure kg is (0..1), and the reason in a few words."""

    kind: str
    confidence: float
    reason: str


@dataclass(slots=True)
class _Evidence:
    """What the corpus says of one entity (one per entity of the corpus: no set it can do without)."""

    papers: int = 0  # how many papers name it (mentions come paper by paper: a count and the last one)
    last_paper: int = -1
    sources: Counter = field(default_factory=Counter)
    in_title: bool = False
    in_text: bool = False  # named in an abstract, where capitals mean something
    capitalised_in_text: int = 0  # mentions in an abstract with every word capitalised (not only a sentence's first)
    long_forms: frozenset = frozenset()  # what acronym definitions spell it out as (most entities: none)
    proposed: bool = False


def decide(entities: Sequence[Entity], mentions_per_paper: Sequence[Sequence[Mention]]) -> dict[str, Decision]:
    """Decide every entity's kind; set ``kind``/``confidence`` on entities and ``kind`` on mentions."""
    # one _Evidence per entity (setdefault built one per mention and threw it away: its Counter costs more
    # than the observation)
    evidence: dict[str, _Evidence] = defaultdict(_Evidence)
    for paper, mentions in enumerate(mentions_per_paper):
        for mention in mentions:
            _observe(evidence[mention.entity_id], paper, mention)
    ids = [entity.node_id for entity in entities]  # once: the property formats a new string each time
    decisions = {node_id: decide_entity(entity, evidence.get(node_id) or _Evidence())
                 for entity, node_id in zip(entities, ids)}
    _none_under_any_type(entities, ids, decisions)
    _datasets_named_after_a_task(entities, ids, decisions, mentions_per_paper)
    for entity, node_id in zip(entities, ids):
        entity.kind, entity.confidence = decisions[node_id].kind, decisions[node_id].confidence
    for mentions in mentions_per_paper:
        for mention in mentions:
            mention.kind = decisions[mention.entity_id].kind
    return decisions


def _none_under_any_type(entities: Sequence[Entity], ids: list[str], decisions: dict[str, Decision]) -> None:
    """A name some paper spells out as a language or protocol (``Planning Domain Definition Language
    (PDDL)``) is no entity of any type: not the task that "PDDL problems" made of it, nor the dataset of
    "the PDDL dataset"."""
    names = {name_key(entity.name) for entity, node_id in zip(entities, ids)
             if decisions[node_id].reason == NO_ENTITY_UNDER_ANY_TYPE}
    if not names:
        return
    for entity, node_id in zip(entities, ids):
        if decisions[node_id].kind != "description" and name_key(entity.name) in names:
            decisions[node_id] = Decision("description", 0.8, "a paper spells it out as a language, notation, protocol or format")


def _datasets_named_after_a_task(entities: Sequence[Entity], ids: list[str], decisions: dict[str, Decision],
                                 mentions_per_paper: Sequence[Sequence[Mention]]) -> None:
    """A dataset whose only name is a task's (``XMTC`` of "XMTC benchmark datasets" where a paper defines
    Extreme Multi-label Text Classification (XMTC); ``VPR`` of "VPR benchmarks"): the phrase says what the
    datasets are for and leaves them unnamed. The lexicon's datasets keep their names (a task may share one)."""
    tasks = {name_key(e.name) for e, node_id in zip(entities, ids)
             if e.type == "task" and decisions[node_id].kind != "description"}
    tasks |= {name_key(spelled[1]) for mentions in mentions_per_paper for m in mentions
              if m.type == "task" and m.source == "acronym" and (spelled := definition(m))}
    for entity, node_id in zip(entities, ids):
        if entity.type == "dataset" and decisions[node_id].kind != "description" and (
                name_key(entity.name) in tasks or load().lookup("task", entity.name) is not None) \
                and load().lookup("dataset", entity.name) is None:
            decisions[node_id] = Decision("description", 0.8,
                                          "a task's name before a dataset word: a dataset left unnamed")


def _observe(seen: _Evidence, paper: int, mention: Mention) -> None:
    if seen.last_paper != paper:
        seen.papers, seen.last_paper = seen.papers + 1, paper
    seen.sources[mention.source] += 1
    seen.proposed |= mention.role in ("proposes", "introduces")
    spelled = definition(mention)
    if spelled:
        seen.long_forms |= {spelled[0]}
    if mention.field == "title":
        seen.in_title = True
    else:
        seen.in_text = True
        seen.capitalised_in_text += _capitalised(mention.text)


def decide_entity(entity: Entity, seen: _Evidence) -> Decision:
    """The decision for one entity, from its name and what the corpus says of it."""
    if entity.type in ("repository", "link"):
        return Decision("name", 1.0, "a URL")
    name = written = " ".join(entity.name.split())
    if load().lookup(entity.type, name) is not None or seen.sources["lexicon"]:
        return _term(entity.type, name, 0.95, "in the lexicon")
    defined = seen.sources["acronym"] > 0
    if not seen.in_text:  # a title capitalises every word: its capitals say nothing of a name
        flaw = _title_only_flaw(name, seen, defined)
        if flaw:
            return Decision("description", 0.7, flaw)
        name = title_words_lowered(name)
    flaw = broken(name) or _not_of_any_type(name) or _spelled_out_as_no_name(seen) or _bare_abbreviation(seen) \
        or _shouted(name, seen) or about_a_model_family(name, not seen.in_text and not seen.sources["title_name"]) \
        or _unnamed_dataset(entity.type, name, seen, defined)
    if flaw:
        return Decision("description", 0.9, flaw)
    corpus = min(0.3, 0.1 * (seen.papers - 1)) + 0.1 * seen.in_title
    flaw = fragment(name) or (None if defined else dangling(written) or built_on_a_name(name)
                              or modifier_as_task(entity.type, name)
                              or _said_of_a_case(entity.type, name, seen))
    if flaw:
        return Decision("description", 0.8, flaw)
    if is_name(name, seen):
        confidence = min(1.0, (0.85 if defined or seen.sources["title_name"] else 0.65) + corpus)
        if _too_general(entity.type, name) or seen.long_forms and all(
                _too_general(entity.type, form) for form in seen.long_forms):  # PTMs, VLMs: a whole class of models
            return Decision("generic", confidence, "too general to be a node by itself")
        return Decision("name", confidence, "name-shaped")
    flaw = described(name, established=defined or seen.papers >= ESTABLISHED_PAPERS)
    if flaw:
        return Decision("description", 0.7, flaw)
    confidence = min(1.0, 0.55 + corpus + 0.2 * defined)
    if not defined and name.split()[-1].casefold() in words().generic_heads:
        # only its paper count established it ("learned representations", "theoretical framework"):
        # real enough to stay a node, too general to rank
        return Decision("generic", confidence, "a common phrase ending in a generic word")
    return _term(entity.type, name, confidence, "a term")


def _said_of_a_case(type_: str, name: str, seen: _Evidence) -> str | None:
    """A lower-case task fewer than three papers write as ``X of Y`` (``generation of medical modalities``,
    ``automatic tracking of endocardium``): a task's name is ``Y X``, so this describes one case of it."""
    parts = name.split()
    if type_ != "task" or "of" not in parts[1:-1]:
        return None
    if name == name.lower() and seen.papers < ESTABLISHED_PAPERS:
        return "a task said as 'X of Y', a description"
    if parts.index("of") == 1 and any(map(has_name_part, parts[2:])):
        return "a task said of a name (analysis of Dolphin, generation of LLMs), a description"
    return None


def _unnamed_dataset(type_: str, name: str, seen: _Evidence, defined: bool) -> str | None:
    """``the largest real-world HDR video reconstruction dataset``: a task before the dataset word says
    what an unnamed dataset is for; the task is a node, the phrase names no dataset."""
    parts = name.split()
    if type_ != "dataset" or defined or seen.sources["title_name"] or seen.sources["described_name"]:
        return None
    if len(parts) > 1 and all(p.islower() for p in parts[1:]) and not any(map(has_name_part, parts)):
        return "common words before a dataset word: a dataset left unnamed"  # "3D scene datasets"
    if len(parts) < 2 or parts[-1] not in task_heads():
        return None
    if all(p.islower() or p.isupper() and len(p) <= 5 for p in parts):
        return "a task before a dataset word: a dataset left unnamed"
    return None


def _bare_abbreviation(seen: _Evidence) -> str | None:
    """An abbreviation one paper writes where nothing gives it an ML sense (``kg_names`` marks those
    ``bare_name``): EHR, LTE, ISSN and KPMG look just like ML names, so without a definition, a
    second paper or a proposal its type is a guess."""
    if set(seen.sources) == {"bare_name"} and seen.papers == 1 and not seen.long_forms and not seen.proposed:
        return "an abbreviation no paper defines or uses as an ML name"
    return None


def _spelled_out_as_no_name(seen: _Evidence) -> str | None:
    """An acronym whose every definition is broken (``auto-regressive (AR)``, ``key-value (KV)``)."""
    # a long form may spell its acronym in capitals (Document Object COntrastive learning (DoCo)): no flaw there
    if seen.long_forms and all(broken(f) not in (None, ACRONYM_PIECE) or dangling(f.title()) for f in seen.long_forms):
        return "an acronym of a modifier, not of a name"
    if seen.long_forms and all(f.split()[0].casefold() in words().venue_words for f in seen.long_forms):
        return "a journal or conference, not an entity"
    if seen.long_forms and all(map(_no_ml_words, seen.long_forms)):
        return "an acronym of words no ML name uses (retinopathy of prematurity, electronic health records)"
    if seen.long_forms and all(map(_a_language_or_format, seen.long_forms)):
        return NO_ENTITY_UNDER_ANY_TYPE
    return None


def _a_language_or_format(long_form: str) -> bool:
    """A long form that names a language, notation, protocol or format: its last word is a natural language
    (``Modern Standard Arabic``), ``language(s)`` (``Morphologically Rich Languages``, ``Planning Domain
    Definition Language``), ``protocol``, ``notation`` or ``format`` (``Model Context Protocol``)."""
    last = long_form.split()[-1].casefold()
    return last in words().non_entity_long_form_heads or last in load().languages


def _no_ml_words(long_form: str) -> bool:
    """A lower-case long form (bar a sentence's first capital) none of whose words any lexicon name uses:
    ``individual rationality``, ``Electronic health records``, ``retinopathy of prematurity``, ``semiconductor
    nanocrystals``: another field's term, of none of the four types (where ``maximum mean discrepancy``, ``class
    activation map`` and ``federated learning`` share words with known methods, tasks and metrics). One word in
    -ing may be a method's name (``Funnelling (Fun)``)."""
    found = re.findall(r"[a-z]+", long_form.casefold())
    if len(found) == 1 and found[0].endswith("ing"):
        return False
    return (long_form[:1].lower() + long_form[1:]).islower() and not any(w in _lexicon_words() for w in found)


@lru_cache(maxsize=1)
def _lexicon_words() -> frozenset:
    """Every word of three or more letters in a lexicon name or alias, and every head word of the cues
    (``flexible uniform regularizer (FUR)`` is an ML name by its head)."""
    resources = load()
    names = " ".join(form for entry in resources.entries for form in (entry.name, *entry.aliases)).casefold()
    heads = [w for ws in resources.cues["heads"].values() for w in ws] + resources.cues["task_phrase_ends"] \
        + [w for ws in resources.cues["appositive_heads"].values() for w in ws]  # regularizer, estimator, encoder
    return frozenset(w for w in re.findall(r"[a-z]{3,}", names)) | frozenset(heads) | words().generic_heads


def _shouted(name: str, seen: _Evidence) -> str | None:
    """A phrase of common words in capitals (``STRATEGIC MANAGEMENT``): a heading, no name; so is one long
    common word in capitals that only its shape made a name, in one paper (``DISCUSSION``, ``CITATION``);
    shorter ones are often systems' names (``JAVELIN``, ``PYRAMID``, ``MASSIVE``)."""
    parts = name.split()
    if name.isupper() and all(p.casefold() in words().common for p in parts) and (
            len(parts) > 1 or len(name) >= 8 and set(seen.sources) == {"name_shape"} and seen.papers == 1):
        return "common words in capitals: a heading, not a name"
    return None


def _title_only_flaw(name: str, seen: _Evidence, defined: bool) -> str | None:
    """What is wrong with a phrase only titles name, if anything: a title's capitalised word or
    wording is no name unless the title names it as its own (``cMIM: ...``), an acronym defines it,
    or several papers use it."""
    if defined or seen.sources["title_name"] or seen.papers >= 2:
        return None
    low = name.casefold().split()
    if set(seen.sources) <= {"name_shape", "described_name", "bare_name"}:
        return "a capitalised title word, named in no abstract"
    if len(low) > 3 or "of" in low or low[0].endswith("ing"):
        return "a title's wording, named in no abstract"
    return None


def _term(type_: str, name: str, confidence: float, reason: str) -> Decision:
    """A real term: a name if it is shaped like one, ``generic`` if it is too general to be a node
    (``accuracy``; a generic word after a generic name: ``AI systems``, ``LLM agents``)."""
    if _too_general(type_, name):
        return Decision("generic", confidence, "too general to be a node by itself")
    return Decision("name" if any(map(has_name_part, name.split())) else "concept", confidence, reason)


def _too_general(type_: str, name: str) -> bool:
    """A generic concept of the type (``accuracy``, ``PTMs``, ``Vision Language Models``), a generic word
    after a generic name, or a class of models named by what they see or how big they are
    (``pretrained vision models``, ``large multimodal models``)."""
    key = name.casefold().replace("-", " ")
    parts = key.split()
    return key in _generic_concept_keys().get(type_, ()) or len(parts) > 1 and (
        parts[-1] in words().generic_heads and load().is_generic(" ".join(name.split()[:-1]))
        or parts[-1] in _MODEL_WORDS and all(p in words().model_class_words for p in parts[:-1]))


_MODEL_WORDS = frozenset({"model", "models", "network", "networks"})


@lru_cache(maxsize=1)
def _generic_concept_keys() -> dict[str, frozenset]:
    """The generic concepts of each type, dashes as spaces (``vision-language models``)."""
    return {t: frozenset(c.replace("-", " ") for c in cs) for t, cs in words().generic_concepts.items()}


def _not_of_any_type(name: str) -> str | None:
    if name.casefold() in words().non_entities or _WEB_ADDRESS.search(name):
        return NOT_OF_ANY_TYPE
    return None


@lru_cache(maxsize=1)
def _method_heads() -> frozenset:
    return frozenset(load().cues["generic_method_heads"])


def _capitalised(text: str) -> bool:
    """Every word but the small ones and a generic head starts with a capital (``Graph Neural Networks``,
    ``Inter-Channel Attention mechanism``; not ``Multi-task language models``, whose capital only opens
    its sentence)."""
    parts = [t.strip("()[]\"'") for t in text.split()]
    return all(t[:1].isupper() for t in parts if t and t not in load().stopwords and t not in words().generic_heads)


def is_name(name: str, seen: _Evidence) -> bool:
    """Shaped like a proper name: a token only a name has (``cMIM``, ``GPT-4o``, ``JFT``), or a
    Title Case phrase that abstracts write that way (a title capitalises every word, so it proves nothing).

    A phrase with a name in it but a generic head (``UFGIR methods``) is no name: it describes.
    """
    tokens = name.split()
    capitalised = all(t[:1].isupper() for t in tokens if t.casefold() not in load().stopwords)
    title_case = len(tokens) > 1 and capitalised and seen.in_text and seen.capitalised_in_text > 0
    if len(tokens) > 1 and tokens[-1].casefold() in words().generic_heads and not (
            title_case and len(tokens) > 2 and tokens[-1].casefold() in _method_heads()):
        return False  # but a capitalised model word is part of the name: Augmented Transition Network
    return any(map(has_name_part, tokens)) or title_case

