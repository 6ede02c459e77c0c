"""``kg_names``: tokens shaped like model names, and the name a title opens with."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extraction.components.doc_tables import (DASHES, DIGIT, NAME_HINT, Tokens, add_span, appositive_heads,
                                                 candidates, described_type, glued_word_around, looks_like_name,
                                                 plain_name, tokens)
from kg.extraction.lexicon import english, load
from kg.model import NEW_ROLES

# NDCG@10, AP50, Recall@1; and a name ending in Score (BERTScore, BARTScore, DATScore)
_METRIC_SHAPE = re.compile(r"^(?:m?AP|NDCG|nDCG|MRR|MAP|Recall|R|P|Hits?|HR|Acc|Top|Prec)[@\-_]?\d"
                           r"|^[A-Za-z0-9-]+[a-zA-Z0-9]Score$")
_VERSIONED = re.compile(r"^(.*?[A-Za-z])[-_ ]?v?\d[\d./\-]*[A-Za-z]?$")  # Kinetics-400, iNaturalist2017
_ABBREVIATION = re.compile(r"^[A-Z]{2,6}s?$")  # EHR, LTE, NNs
# doc_tables.NUMBER and ranges and multipliers too: 0.7, 21~28, 2.1x
_NUMBER = re.compile(r"^[~+\-\u00b1]?\d[\d.,%~x\u00d7\-]*$")


_METRIC_WORDS = frozenset({"metric", "metrics"})


def _after_a_number(table, first: int) -> bool:
    """``0.7 dB``, ``21~28 FPS``, ``8 A100 GPUs``: a name-shaped word right after a number is a unit or a
    piece of hardware counted, no method (a metric's shape or a known name aside: ``+5.8 HIT@1``)."""
    return first > 0 and _NUMBER.match(table.words[first - 1]) is not None


_BENCH_NAME = re.compile(r"(?:Bench|Benchmark|Arena)$")  # MMBench, VBench: a benchmark's name says so
_EDITION = re.compile(r"[-_ '\u2019]|(?<=[A-Za-z])(?=\d)")  # CoNLL-X, CoNLL'03, DUC2001: the campaign before it


def _seed(word: str, low: str) -> bool:
    """Where a name may be: an ASCII capital, digit or dash in the token (NAME_HINT), and a capital after its
    first letter, a capital and a digit, or the token a dash (tested first: a capitalised word, most of the
    seeds tried, fails there without the search)."""
    return (word[1:] != low[1:] or word in DASHES or (word[:1] != low[:1] and DIGIT.search(word) is not None)) \
        and NAME_HINT.search(word) is not None


@Language.factory("kg_names")
class NameShapes:
    """Tokens shaped like model names (``cMIM``, ``LLaVA-1.5``), and the name a title opens with.

    A name in a list after ``on``/``across`` (``results on Foo and ImageNet``) is a dataset.
    """

    def __init__(self, nlp: Language, name: str):
        self.resources = load()
        cues = self.resources.cues
        self.list_cues = set(cues["dataset_list_cues"])
        self.blockers = set(cues["dataset_list_blockers"])
        self.dataset_heads = set(cues["heads"]["dataset"])
        # "the PASCAL Challenge" (evaluation campaigns), "a TIAGo robot", "A100 GPUs" (things of other kinds)
        self.not_names = set(cues["campaign_words"]) | set(cues["thing_words"])
        self.campaign_names = set(cues["campaign_names"])
        self.list_openers = set(cues["dataset_list_openers"])
        self.title_dataset_heads = set(cues["title_dataset_heads"])
        self.title_name_heads = set(cues["title_name_heads"])
        self.survey_words = set(cues["survey_words"])
        self.described_heads, self.naming = appositive_heads(cues), set(cues["naming_words"])
        self.method_heads = set(cues["heads"]["method"]) | {"baseline", "baselines"}
        # The head of a subtitle ends before its first preposition: "... Method to Improve ..." is no dataset.
        self.subtitle_ends = {"for", "to", "of", "with", "via", "on", "in", "from", "by", "towards", "using", "through"}

    def __call__(self, doc: Doc) -> Doc:
        if doc.user_data.get("field") == "title":
            self._title_name(doc)
        table = tokens(doc)
        if table.text.isupper():  # an all-capitals text has no name shapes
            return doc
        lexicon_datasets = {i for c in candidates(doc) if c.source == "lexicon" and c.type == "dataset"
                            for i in range(c.first_token, c.end_token)}
        # metrics written as names (BLEU, ROUGE-L): a name listed beside one is a metric too
        named_metrics = {i for c in candidates(doc) if c.source == "lexicon" and c.type == "metric"
                         and not table.span_text(c.first_token, c.end_token).islower()
                         for i in range(c.first_token, c.end_token)}
        metrics_named = bool(named_metrics) or not _METRIC_WORDS.isdisjoint(table.lower)
        # once per doc, not per name: a megabyte abstract has tens of thousands of both
        lexicon_sentences = {table.sentence_of[c.first_token] for c in candidates(doc) if c.source == "lexicon"}
        # _seed's test, after one most tokens fail at once: a seed changes under lower() or is a dash
        seeds = [i for i, (word, low) in enumerate(zip(table.words, table.lower))
                 if (word != low or word in DASHES) and _seed(word, low)]
        seen_until = -1
        for seed in seeds:
            first, end = glued_word_around(table, seed)
            if first < seen_until or end <= first:
                continue
            seen_until = end
            text = table.span_text(first, end)
            if looks_like_name(text) and not self.resources.names_nothing(text) \
                    and not self._list_followed_by(table, end, self.not_names) \
                    and not (_after_a_number(table, first) and not self._known_or_a_metric(text)):
                described = described_type(table, first, end, self.described_heads, self.naming)
                if described:  # "UFine6926, a dataset of ...": typed by what the text says it is
                    add_span(doc, described, first, end, "described_name", text)
                else:
                    type_ = "metric" if metrics_named and self._in_metric_list(table, first, end, named_metrics) \
                        else self._type_of(doc, text, first, end, lexicon_datasets)
                    add_span(doc, type_ or "method", first, end,
                             "bare_name" if type_ is None and self._bare(table, text, first, lexicon_sentences)
                             else "name_shape", text)
        return doc

    def _title_name(self, doc: Doc) -> None:
        """``cMIM: A Contrastive ...``: the title names what the paper proposes, a dataset when the
        phrase after the colon is headed by a dataset word (``LAION-5B: An open large-scale dataset
        for ...``) or the lexicon says so, else a method. A survey's title proposes nothing."""
        colon = next((i for i, word in enumerate(tokens(doc).words[:6]) if word == ":"), None)  # no Token objects
        if not colon or not self._names_something(doc, colon):
            return
        subtitle = [t.lower_ for t in doc[colon + 1:colon + 10]]
        if any(w in self.survey_words for w in subtitle[:3]):
            return
        name = plain_name(doc[:colon].text)
        entry = self.resources.lookup_any(name)
        head = next((w for w in subtitle if w in self.subtitle_ends or w in self.title_dataset_heads), None)
        benchmarks = subtitle[:1] == ["benchmarking"]  # "EvalCrafter: Benchmarking and Evaluating ...": a benchmark
        type_ = entry.type if entry and entry.type in NEW_ROLES else \
            "dataset" if head in self.title_dataset_heads or benchmarks or _BENCH_NAME.search(name) else "method"
        add_span(doc, type_, 0, colon, "title_name", entry.name if entry else name)
        candidates(doc)[-1].role = NEW_ROLES[type_]

    def _names_something(self, doc: Doc, colon: int) -> bool:
        """The words before a title's colon are a name: one name-shaped token, or a few capitalised
        words with an uncommon one (``Barlow Twins``) or a model head (``Set Transformer``)."""
        name = doc[:colon]
        if self.resources.is_generic(name.text) or not name.text[:1].isalnum() \
                or name.text.lower() in self.survey_words:  # "Editorial: ..."
            return False
        words = [t.text for t in name if t.text not in DASHES]
        # "Plan-over-Graph" is one dashed word: its lower-case parts make no phrase
        if len(name.text.split()) > 2 and any(w.islower() and w not in ("of", "the", "a") for w in words):
            return False  # a phrase, not a name: "ChatGPT in forensic sciences", "New meaning for NLP"
        if len(name) == 1 or any(looks_like_name(t.text) for t in name) or " " not in name.text and looks_like_name(
                name.text):  # BS-Nets: two tokens too short to look like a name alone
            return True
        return len(words) <= 3 and all(w[:1].isupper() for w in words) and (
            words[-1].lower() in self.title_name_heads or any(w.lower() not in english("common") for w in words))

    def _known_or_a_metric(self, text: str) -> bool:
        return _METRIC_SHAPE.match(text) is not None or self.resources.lookup_any(text) is not None

    def _type_of(self, doc: Doc, text: str, first: int, end: int, lexicon_datasets: set[int]) -> str | None:
        """A metric by its shape (``NDCG@10``, ``AP50``), else the type the lexicon gives its stem
        (``Kinetics-700``, ``iNaturalist2017``, ``Kinetics-400/600/700``), a dataset after a dash that makes
        a variant of a known one (``FS-COCO``), else a dataset in a list of
        datasets or a list the sentence uses as its data, or an evaluation campaign's edition (``CoNLL-X``,
        ``DUC2001``), else None: nothing says (a method by default)."""
        if _METRIC_SHAPE.match(text):
            return "metric"
        stem = _VERSIONED.match(text)
        entry = self.resources.lookup_any(stem[1]) or self.resources.lookup_any(text.split("/")[0]) if stem else None
        # a versioned method or dataset name; a metric only with a one-character variant (BLEU-4, not NIST05)
        if entry and (entry.type in NEW_ROLES or entry.type == "metric" and len(text) - len(stem[1]) == 2
                      and text[len(stem[1])] == "-"):
            return entry.type
        variant = self.resources.lookup_any(text.rsplit("-", 1)[-1]) if "-" in text else None
        model = self.resources.lookup_any(text.split("-", 1)[0]) if variant is not None else None
        if variant is not None and variant.type == "dataset" and not (model and model.type == "method"):
            return "dataset"  # FS-COCO, R-RefCOCO, OV-LVIS: a known dataset's variant (DeBERTa-large-MNLI: a model's)
        return "dataset" if self._in_dataset_list(doc, first, lexicon_datasets) or _BENCH_NAME.search(text) \
            or self._used_as_data(tokens(doc), end, lexicon_datasets) or _EDITION.split(text)[0] in self.campaign_names \
            else None

    def _used_as_data(self, table: Tokens, end: int, lexicon_datasets: set[int]) -> bool:
        """``MT05, MT06 and MT08 as test sets``: the list the name ends or stands in is used as data; so is a
        list that ends in a dataset word (``the PKU and MSRA benchmark datasets``) or holds a known dataset
        further on (``VirtualHome, ALFRED, and CARLA``)."""
        j, limit = self._list_end(table, end)
        if any(k in lexicon_datasets for k in range(end, j)):
            return True
        if j >= limit:
            return False
        if table.lower[j] == "as":
            return any(table.lower[k] in self.dataset_heads for k in range(j + 1, min(limit, j + 5)))
        return j > end and table.lower[j] in self.dataset_heads

    def _list_end(self, table: Tokens, end: int) -> tuple[int, int]:
        """The token after the list of names that the name ending at ``end`` starts, and the sentence's end
        (a name may be several tokens joined by dashes: ``the HICO-DET and V-COCO benchmarks``)."""
        limit = table.sentence_end(table.sentence_of[end - 1])
        j = end
        while j < limit:
            if table.words[j] in (",", "and", "or"):
                j += 1
                continue
            first, after = glued_word_around(table, j)
            if after <= j or not looks_like_name(table.span_text(first, after)):
                break
            j = after
        return j, limit

    def _list_followed_by(self, table: Tokens, end: int, words: set[str]) -> bool:
        """The list of names the name ending at ``end`` stands in is followed by one of ``words``: ``the PASCAL
        Challenge``, ``SENSEVAL and SEMEVAL competitions`` (evaluation campaigns), ``a TIAGo robot``,
        ``NVIDIA A100 and H100 GPUs`` (things): of none of the four types (nor methods by default)."""
        j, limit = self._list_end(table, end)
        return j < limit and table.lower[j] in words

    def _bare(self, table: Tokens, text: str, first: int, lexicon_sentences: set[int]) -> bool:
        """An all-capitals abbreviation the sentence gives no ML sense: no model word before it (``the
        diffusion model EDM``) and no lexicon entry beside it. Other fields' abbreviations (EHR, LTE,
        ISSN, KPMG) look just like ML ones; the entity decision drops those no paper defines."""
        if not _ABBREVIATION.match(text) or first and table.words[first - 1] == "(":
            return False  # "(SAL)" after a long form is defined there, even when no rule spelled it out
        before = first - 1 if first and table.lower[first - 1] not in ("the", "a", "an") else first - 2
        if before >= 0 and table.lower[before] in self.method_heads:
            return False
        return table.sentence_of[first] not in lexicon_sentences

    def _in_metric_list(self, table: Tokens, first: int, end: int, named_metrics: set[int]) -> bool:
        """``four metrics (BLEU, TER, YiSi-1, ...)``, ``the WIRe57 metric``: a name listed beside a metric's
        name, or before the word metric."""
        _, known = self._list_start(table, first, named_metrics)
        j, limit = self._list_end(table, end)
        return known or any(k in named_metrics for k in range(end, j)) \
            or j < limit and table.lower[j] in _METRIC_WORDS

    def _list_start(self, table: Tokens, i: int, known: set[int]) -> tuple[int, bool]:
        """Walk left from token ``i`` over a list of names: where it starts, or True once a ``known`` token is in it."""
        sent_start = table.sentence_start(i)
        j = i
        while j > sent_start:
            prev = table.words[j - 1]
            if j - 1 in known:
                return j, True
            if prev in (",", "and", "or"):
                j -= 1
                continue
            first, _ = glued_word_around(table, j - 1)  # V-COCO is three tokens; Persian-Arabic names nothing
            name = table.span_text(first, j)
            if first < j and (looks_like_name(name) or prev.istitle()) and not self.resources.names_nothing(name):
                j = max(first, sent_start)
                continue
            break
        return j, False

    def _in_dataset_list(self, doc: Doc, i: int, lexicon_datasets: set[int]) -> bool:
        """Walk left over a list of names; a list after ``on``/``across`` names datasets."""
        table = tokens(doc)
        sent_start = table.sentence_start(i)
        j, known = self._list_start(table, i, lexicon_datasets)
        if known:
            return True
        if self._after_dataset_word(table, j, sent_start):
            return True
        if j == sent_start or table.lower[j - 1] not in self.list_cues:
            return False
        # "15 comparison methods including LPT, SPT", "frameworks like AutoGen": a list of that kind
        return j < 2 or table.lower[j - 2] not in self.blockers and not (
            table.lower[j - 1] in ("including", "like") and table.lower[j - 2] in self.method_heads)

    def _after_dataset_word(self, table: Tokens, j: int, sent_start: int) -> bool:
        """``datasets such as X``, ``two datasets, X and Y``, ``test sets are X``: a list after a dataset word."""
        k = j - 1
        while k >= sent_start and j - k <= 3 and table.lower[k] in self.list_openers:
            k -= 1
        return k >= sent_start and table.lower[k] in self.dataset_heads

