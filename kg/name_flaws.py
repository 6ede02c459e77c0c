"""What a name's own words say of it, before any corpus evidence: a broken span, a clause fragment, a
lone modifier, a description. :mod:`kg.entity_decision` asks these in its order; each answers the
reason in a few words, or None.

>>> broken("OOD) data"), fragment("develop models"), described("expensive offline mining", False)
('unbalanced brackets', 'starts with a verb or adverb', 'qualified by an evaluative word')
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extraction.lexicon import english, load, read_json

MAX_CONCEPT_WORDS = 4

_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_ANY_BRACKET = re.compile(r"[][(){}]")  # most names have none: no walk over their characters
_SIZE = re.compile(r"^~?\d+(?:\.\d+)?[KMBTkmbt]$")  # 7B, 1.3B, 1M: a model size or a count, no name
_COUNTS = re.compile(r"^[\d.,x×~+%KMBTkmbt/\-]+$")
_SENTENCE_GLUE = re.compile(r"[A-Za-z]{2}\.[A-Z][a-z]")  # "AI.Social": two sentences run together
_GLUED = re.compile(r"^([A-Za-z][a-z]{3,})([A-Z][a-z]+)$")  # "FindingsThis", "implicationsThis"
_ADJECTIVE_END = re.compile(r"(?:ive|ous|able|ible|al|ic)$")  # auto-regressive, cross-lingual, multi-modal
_ACTION_NOUN = re.compile(r"(?:tion|sion|ing|ment|sis|ery)$")  # a noun of doing: resolution, ranking, analysis
_QUOTE = re.compile("[\"\u201c\u201d]")  # a"hyper-accuracy: a quotation mark cut through
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_SENTENCE_END = re.compile(r"[A-Za-z]{3}\. [A-Z]")  # "GenPlanX. Generation": a sentence's end
_FAMILY_JOINS = re.compile(r"[\s\-+/]+")  # LLM-generated, LLM+validator, LLM reasoning
# PAPASTEFANOU1,2 and 3Department: an author's or affiliation's footnote mark glued on
_FOOTNOTE = re.compile(r"[A-Za-z]\d+,\d|^\d[A-Z][a-z]{3,}")
_PREPOSITIONS = frozenset("about above across after against along among around at before behind below beneath beside "
                          "between beyond by during except for from into of off onto over per than through toward "
                          "towards under unlike until upon via with within without".split())
_QUANTITY = re.compile(r"^\d+(?:\.\d+)?(?:[kMG]?Hz|fps|FPS|ms|dB|px|mm|cm|km|[KMGT]B|W|V|K)$")
_SUBSCRIPTED = re.compile(r"^[A-Za-z]_[A-Za-z0-9]{1,3}$")  # D_B, x_t: a formula's variable ($D_B$)
_TWO_CAPITALS_FIRST = re.compile(r"^[A-Z]{2}[a-z]{3,}$")  # HIerarchical, FAirness (but ImaginE is a name)
# "LOttery", "MultimodaL": capitals that spell an acronym
_ACRONYM_SPELLING = re.compile(_TWO_CAPITALS_FIRST.pattern + r"|^[A-Z][a-z]{3,}[A-Z]$")
_HOW_MANY = frozenset({"single", "separate", "individual", "multiple", "three", "four", "five", "six", "seven", "eight",
                       "nine", "ten"})
_EVALUATIVE_COMPOUND = re.compile(r"-yet-|^(?:easy|simple|ready|hard|difficult)-to-")  # simple-yet-effective
_VERB_S = re.compile(r"^[a-z]{5,}(?:izes|ises|ifies)$")  # operationalizes, summarizes: a verb no noun list has
_TERM_GERUNDS = frozenset({"referring"})  # referring segmentation, referring expression comprehension
_MODEL_NOUNS = frozenset({"transformer", "transformers"})
_NEURAL_NETWORK = (["neural", "network"], ["neural", "networks"])
ACRONYM_PIECE = "a piece of a long form spelling its acronym (LOttery Transformers, HIerarchical)"
_MODALITIES = frozenset({"language", "languages", "image", "images", "video", "videos", "text", "texts", "audio"})
_LOST_HEAD = re.compile(r"(?:modal|lingual|-shot)$")  # multimodal, cross-lingual, few-shot: never a noun
_PLURAL = re.compile(r"(?<![suiyc])(?<!new)s$")  # words, exhibits, matches; not class, corpus, analysis, physics, news
# task-specific, trade-off, context-aware: a dashed modifier that says how, not what (X-based and X-level
# stay: case-based reasoning, character-level translation)
_MANNER = re.compile(r"-(?:specific|off|aware|driven|oriented|guided|wise|integrated)$")  # class-agnostic detection is a task
# ... and these on a longer task too (dataset-driven pattern matching), where target-oriented sentiment
# classification and domain-specific language modeling are tasks
_MANNER_BEFORE_ANY_TASK = re.compile(r"-(?:aware|driven|guided|integrated)$")
NAME_PART = re.compile(r"\d|[a-z][A-Z]|^[A-Z]{2}")  # ResNet, GPT4, CLIP: a part only a name has
# 2D, 3D: a dimension says what many things are about ("3D segmentation", "2D collections"), names none
_DIMENSION = re.compile(r"(?<![A-Za-z0-9])\d-?(?:[Dd]|DoF|DOF)(?![A-Za-z0-9])")  # and 6DoF, 6-DoF


@dataclass(frozen=True)
class _Words:
    """The word lists of ``entity_decision.json`` and the English lists from ``scripts/make_wordlists.py``."""

    generic_heads: frozenset
    qualifiers: frozenset
    start_verbs: frozenset
    clause_words: frozenset
    generic_concepts: dict
    non_entities: frozenset
    venue_words: frozenset
    model_families: frozenset
    non_entity_long_form_heads: frozenset
    model_class_words: frozenset
    adjective_ends: frozenset
    verbs: frozenset
    adverbs: frozenset
    gerunds: frozenset
    adjectives: frozenset
    common: frozenset


@lru_cache(maxsize=1)
def words() -> _Words:
    rules, roles = read_json("entity_decision.json"), read_json("roles.json")
    low = lambda items: frozenset(w.casefold() for w in items)  # noqa: E731
    return _Words(low(rules["generic_heads"]), low(rules["qualifiers"]), low(rules["phrase_start_verbs"]),
                  low(rules["clause_words"]), {t: low(ws) for t, ws in rules["generic_concepts"].items()},
                  low(rules["non_entities"]), low(rules["venue_words"]), frozenset(rules["model_family_names"]),
                  low(rules["non_entity_long_form_heads"]), low(rules["model_class_words"]),
                  low(roles["adjective_ends"] + roles["name_suffixes"]),
                  english("verbs"), english("adverbs"), english("gerunds"), english("adjectives"), english("common"))


def broken(name: str) -> str | None:
    """Why a span is broken, if it is: unbalanced brackets, LaTeX, a possessive, a dangling dash,
    only a dimension (``2D/3D``), a size or count (``1M``, ``fine-tuned 7B-8B``), a dashed adjective (``BlockMNIST-based``).

    >>> [broken(n) for n in ("OOD) data", "Adam-v2's representations", "fine-tuned 7B-8B", "CUB-200-2011")]
    ['unbalanced brackets', 'a possessive', 'a size or count, not a name', None]
    >>> [broken(n) for n in ("10B-token", "7B", "ResNet-50", "auto-regressive", "self-attention")]
    ['a size or count, not a name', 'a size or count, not a name', None, 'an adjective (X-based, AI-infused, auto-regressive), not a name', None]
    >>> [broken(n) for n in ("SFT-finetuned", "level cognitive", "implicationsThis", "Mask R-CNN")]
    ['an adjective (X-based, AI-infused, auto-regressive), not a name', 'ends in a modifier: its head noun is missing', 'two words glued together (a section header run into the text)', None]
    """
    if _ANY_BRACKET.search(name) and not _balanced(name):
        return "unbalanced brackets"
    if "$" in name or "\\" in name or "{" in name or _SUBSCRIPTED.match(name):
        return "LaTeX debris"
    if _POSSESSIVE.search(name):
        return "a possessive"
    if name[:1] in "-/.,;:" or name[-1:] in "-/.,;:" or _SENTENCE_GLUE.search(name) or _QUOTE.search(name) \
            or "\u2014" in name or _SENTENCE_END.search(name):
        return "a dangling punctuation mark"
    if ("," in name or name[:1].isdigit()) and _FOOTNOTE.search(name):  # each of its forms needs one of these
        return "a footnote mark glued to a word"
    if _QUANTITY.match(name):
        return "a quantity and its unit (140Hz, 30fps), not a name"
    if " " in name and any(map(_ACRONYM_SPELLING.match, name.split())) or _TWO_CAPITALS_FIRST.match(name) \
            and name.casefold() in words().common:
        return ACRONYM_PIECE
    parts = name.split()
    if not _DIMENSION.sub("", name).strip(" -/"):
        return "a dimension (2D/3D), not a name"
    if all(map(_is_count, parts)) or _is_size(parts[-1]) and not any(
            NAME_PART.search(p) for p in parts if not _is_count(p)):
        return "a size or count, not a name"
    first_part, dash, rest = parts[0].partition("-")
    if dash and _is_count(first_part) and all(p in words().common for p in rest.split("-")):
        return "a size or count, not a name"  # "10B-token", "7B-parameter"
    head, dash, tail = parts[-1].rpartition("-")
    if dash and head and (tail.casefold() in words().adjective_ends or tail.endswith("ed")
                          or tail.islower() and tail in words().adjectives):
        return "an adjective (X-based, AI-infused, auto-regressive), not a name"
    if dash and head and len(parts) == 1 and name.islower() and _ADJECTIVE_END.search(tail):
        return "an adjective (X-based, AI-infused, auto-regressive), not a name"
    if "/" in name and all(len(p) >= 3 and NAME_PART.search(p) and re.search("[A-Za-z]", p) for p in name.split("/")):
        return "two names joined by a slash (CIFAR-10/ImageNet-64)"
    if len(parts) > 1 and (parts[-1] in words().adjectives or parts[-1] in words().adverbs) \
            and parts[-1] not in task_heads():
        return "ends in a modifier: its head noun is missing"  # but image matching, question answering
    if len(parts) > 1 and parts[-1].casefold() in _PREPOSITIONS:
        return "ends in a preposition: cut before its object"  # "parameters per (task)"
    if len(parts) > 1 and _LOST_HEAD.search(parts[-1]):
        return "ends in a modifier: its head noun is missing"  # "general-domain multimodal (problems)"
    if len(parts) > 1 and _participle(parts[-1]):
        return "ends in a participle: its head noun is missing"  # "3D motion captured (data)"
    if len(parts) == 1 and re.match(r"[Nn]on-[a-z]", name):
        return "an adjective (non-reasoning, non-autoregressive), not a name"
    if _GLUED.match(parts[-1]) and _GLUED.match(parts[-1])[2].casefold() in words().clause_words | load().stopwords:
        return "two words glued together (a section header run into the text)"
    return None


def built_on_a_name(name: str) -> str | None:
    """A phrase whose modifier is a name made an adjective (``MNIST-based semi-real``, ``CLIP-guided
    diffusion``, ``HMM-based chunk tagger``): it describes something by what it is built on. (A long form may
    do so and still name something: ``Deep SNR-based Metric Learning (DSML)``.)

    >>> [built_on_a_name(n) for n in ("MNIST-based semi-real", "LiDAR-based 3D object detection", "model-based RL")]
    ['a name made a modifier: it describes', 'a name made a modifier: it describes', None]
    """
    for word in name.split()[:-1]:
        head, dash, tail = word.rpartition("-")
        if dash and NAME_PART.search(head) and tail.casefold() in _MODIFYING_SUFFIXES:
            return "a name made a modifier: it describes"
    return None


_MODIFYING_SUFFIXES = frozenset({"based", "style", "like", "guided", "driven", "generated", "enhanced", "augmented",
                                 "conditioned", "informed", "aware", "oriented", "centric", "specific", "level",
                                 "trained", "tuned", "pretrained", "supervised", "powered", "assisted", "inspired"})


def _balanced(name: str) -> bool:
    stack = []
    for char in name:
        if char in _BRACKETS:
            stack.append(_BRACKETS[char])
        elif char in _BRACKETS.values() and (not stack or stack.pop() != char):
            return False
    return not stack


def about_a_model_family(name: str, title_only: bool) -> str | None:
    """A phrase whose only name-shaped word is a model family or field (``LLM``, ``VLM``, ``AI``, ``NLP``):
    it says something of that family (``LLM reasoning``, ``LLM-generated heuristics``, ``AI-driven
    planning``, ``LLM+validator``) and names nothing; a family as the head is a term (``explainable AI``). A capitalised word beside the family may be a name
    (``LLM-Planner``, ``MLLM-as-a-Judge``), except in a title, which capitalises every word.

    >>> [about_a_model_family(n, False) for n in ("LLM reasoning", "VLM-grounded symbolic planning", "LLM-Planner")]
    ['said of a model family (LLM reasoning, AI-driven planning), no name', 'said of a model family (LLM reasoning, AI-driven planning), no name', None]
    >>> about_a_model_family("LLM-Generated Heuristics", True), about_a_model_family("LM-cut", False)
    ('said of a model family (LLM reasoning, AI-driven planning), no name', None)
    """
    parts = [p for p in _FAMILY_JOINS.split(name) if p]
    families = words().model_families
    if len(parts) < 2 or not any(p in families for p in parts[:-1]):  # explainable AI, generative AI: terms
        return None
    if all(p.islower() or title_only and p.istitle() for p in parts if p not in families):
        return "said of a model family (LLM reasoning, AI-driven planning), no name"
    return None


@lru_cache(maxsize=1 << 16)  # asked of every word of every entity's name, and names share most words
def has_name_part(word: str) -> bool:
    """A part only a name has, a dimension (2D, 3D) aside.

    >>> [has_name_part(w) for w in ("ResNet-50", "3D-GS", "3D", "2D/3D", "R2D2", "segmentation")]
    [True, True, False, False, True, False]
    """
    return NAME_PART.search(_DIMENSION.sub("", word).lstrip("-/")) is not None


def title_words_lowered(name: str) -> str:
    """The name with every word that has no part only a name has lower-cased: how an abstract
    would write a title's wording.

    >>> title_words_lowered("Adapting Vision-Language Models with CLIP")
    'adapting vision-language models with CLIP'
    """
    return " ".join(w if NAME_PART.search(w) else w.lower() for w in name.split())


def _is_count(token: str) -> bool:
    """``7B``, ``7B-8B``, ``1M``, ``400/600``: sizes and counts, alone or dashed together (``token`` has no
    whitespace). One match of the whole token: _COUNTS allows a dash and every character of a size, so it
    matches the whole exactly when it (or _SIZE) matches each dashed part."""
    return not token or _COUNTS.match(token) is not None


def _is_size(token: str) -> bool:
    """``7B``, ``7B-8B``, ``1.3B``: a model size (a version such as ``3.1`` is none)."""
    return _is_count(token) and any(_SIZE.match(part) for part in token.split("-"))


def fragment(name: str) -> str | None:
    """Why a phrase is a piece of a clause, if it is: it starts with a verb, an adverb or a wh-word,
    has one inside, or is a gerund with its object (``querying search engines``).

    >>> [fragment(n) for n in ("develop models", "querying search engines", "practice hinders representation learning")]
    ['starts with a verb or adverb', 'a gerund with its object', 'starts with a verb or adverb']
    >>> [fragment(n) for n in ("masked language modeling", "reading comprehension", "adequately representation learning")]
    [None, None, 'starts with a verb or adverb']
    """
    w = words()
    parts = name.split()
    low = [part.casefold() for part in parts]
    plain = [part == orig for part, orig in zip(low, parts)]  # a capitalised word may be a name, no verb
    clause = lambda i: low[i] in w.clause_words or plain[i] and (_verb_only(low[i]) or low[i] in w.adverbs)  # noqa: E731
    if len(low) > 1 and low[0] in w.adverbs and low[0].endswith("ly") and parts[0] == parts[0].capitalize():
        return "starts with a verb or adverb"  # "Precisely understanding": a sentence's first word, no name
    if len(low) > 1 and low[0] in _PREPOSITIONS:
        return "starts with a preposition"  # "against multi-label FDIA locational detection"
    if low[0] in w.start_verbs or clause(0) or len(low) > 1 and plain[0] and _VERB_S.search(low[0]):
        return "starts with a verb or adverb"
    if any(clause(i) for i in range(1, len(low) - 1)):
        return "has a verb or adverb inside"
    if any(low[i] in w.start_verbs and plain[i] and low[i].endswith("s") and parts[i - 1][:1].isupper()
           for i in range(1, len(low) - 1)):
        return "a name and its verb: a clause"  # "Quilt-Instruct supports contextual reasoning"
    if len(low) > 1 and low[0] not in _TERM_GERUNDS and (low[0] in w.gerunds or low[0].endswith("ing") and (
            len(low) >= 3 or low[1].endswith("s") or plain[0] and NAME_PART.search(parts[1]))):
        return "a gerund with its object"  # querying search engines, fine-tuning CSL
    if len(low) >= 3 and plain[0] and _PLURAL.search(low[0]) and low[0] in w.common:
        return "starts with a plural or a verb in -s: no modifier of a term"  # "exhibits representation learning"
    return None


def _participle(word: str) -> bool:
    """A lower-case past participle of a common word (``captured``, ``reduced``, ``labeled``)."""
    common = words().common
    return word.islower() and word.endswith("ed") and len(word) > 4 and (
        word[:-1] in common or word[:-2] in common or word[-3] == word[-4] and word[:-3] in common)


def _verb_only(word: str) -> bool:
    """A form only a verb has: in the list, or the -s form of a word that is (``unifies``: ``unify``).

    >>> [_verb_only(w) for w in ("develop", "unifies", "models", "class")]
    [True, True, False, False]
    """
    verbs = words().verbs
    return word in verbs or word.endswith("s") and not word.endswith("ss") and (
        word[:-1] in verbs or word.endswith("es") and word[:-2] in verbs or word.endswith("ies") and word[:-3] + "y" in verbs)


def dangling(name: str) -> str | None:
    """A lone capitalised modifier: one token of common English words (``Low-Dimensional``, ``Long-Horizon``).

    >>> [dangling(n) for n in ("Low-Dimensional", "Global-to-Global", "ResNet-50", "encoder-decoder", "human-AI")]
    ['a modifier of common words, not a name', 'a modifier of common words, not a name', None, None, 'a modifier of common words, not a name']
    """
    if " " in name or "-" not in name:
        return None
    parts = [p for p in name.split("-") if p]
    families = words().model_families
    if not name[:1].isupper() and any(p in families for p in parts) \
            and all(p in families or p in words().common for p in parts):
        return "a modifier of common words, not a name"  # human-AI (collaboration), human-and-LLM
    if not name[:1].isupper() or NAME_PART.search(name.replace("-", " ")) or "and" in parts:
        return None  # lower-case compounds are terms (encoder-decoder, human-in-the-loop), and so is Divide-and-Conquer
    if parts and all(p.casefold() in words().common for p in parts):
        return "a modifier of common words, not a name"
    return None


def modifier_as_task(type_: str, name: str) -> str | None:
    """A dashed modifier typed as a task because "tasks" followed it (``sentence-pair tasks``,
    ``few-shot``, ``vision-language``): one lower-case token that no task noun ends; or a language
    (``programming language tasks``).

    >>> [modifier_as_task("task", n) for n in ("sentence-pair", "few-shot", "super-resolution", "re-ranking")]
    ['a modifier, not a task', 'a modifier, not a task', None, None]
    >>> modifier_as_task("task", "programming language")
    'a language or modality, not a task (programming language tasks, low-resource image tasks)'
    """
    if type_ == "task" and " " in name and name.rsplit(None, 1)[-1].casefold() in _MODALITIES \
            and "-to-" not in name and " of " not in name:
        return "a language or modality, not a task (programming language tasks, low-resource image tasks)"
    if type_ != "task" or " " in name or "-" not in name or name != name.lower():
        return None
    last = name.rsplit("-", 1)[-1]
    if last in task_heads() or _ACTION_NOUN.search(last):
        return None
    return "a modifier, not a task"


@lru_cache(maxsize=1)
def task_heads() -> frozenset:
    return frozenset(load().cues["heads"]["task"])


def described(name: str, established: bool) -> str | None:
    """Why a lower-case phrase describes rather than names, if it does: a qualifier (``inaccurate
    text classification``), a generic head (``voting-based inlier searching strategy``) unless the
    corpus establishes it, too many words, or one vague word.

    >>> [described(n, False) for n in ("edge representation learning framework", "deep metric learning", "expensive offline mining")]
    ['a description ending in a generic word', None, 'qualified by an evaluative word']
    """
    w = words()
    low = [part.casefold() for part in name.split()]
    if low[0] in w.qualifiers or any(part in w.qualifiers for part in low[1:-1] if part in ("new", "novel")):
        return "qualified by an evaluative word"
    if len(low) == 2 and low[0] in _HOW_MANY and (low[1] in w.generic_heads or low[1] in _MODEL_NOUNS):
        return "how many of a generic thing (a single model, separate models)"  # but single agent planning
    if _EVALUATIVE_COMPOUND.search(low[0]):
        return "qualified by an evaluative word"  # "easy-to-implement transformer"
    if low[-1] in w.generic_heads and not (established and len(low) <= 3) and low[-2:] not in _NEURAL_NETWORK:
        return "a description ending in a generic word"  # but "recurrent convolutional neural networks" is a family
    if _MANNER.search(low[0]) and low[-1] in task_heads() and not established and (
            len(low) == 2 or _MANNER_BEFORE_ANY_TASK.search(low[0])):
        return "a task said of a case (task-specific classification, dataset-driven pattern matching)"
    if len(low) > MAX_CONCEPT_WORDS:
        return "too long for a term"
    if len(low) == 1 and "-" not in low[0] and low[0] in w.common and not established:
        return "one vague word"
    return None
