"""``kg_cues``: noun phrases that end in a type's head word (``... dataset``, ``... detection``)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.extraction.components.doc_tables import (ACRONYM, DASHES, LETTER, NUMBER, PARENTHESIS, Tokens, add_span,
                                                 candidates, head_types, looks_like_name, tokens)
from kg.extraction.lexicon import english, load, read_json


@Language.factory("kg_cues")
class CuePhrases:
    """Noun phrases ending in a cue word: ``CUB-200-2011 dataset``, ``person search``, ``top-1 accuracy``.

    Without a tagger, a phrase is the run of words before the head up to a
    stop word, punctuation or a lexicon match of another type.
    """

    MAX_MODIFIERS = {"dataset": 6, "task": 4, "method": 4, "metric": 2}
    MAX_OF_WORDS = 3  # "retrieval of arbitrarily long phrases"; longer of-phrases are mostly clauses

    def __init__(self, nlp: Language, name: str):
        self.resources = load()
        cues = self.resources.cues
        self.stop = self.resources.stopwords
        self.head_types = head_types(cues)
        self.drop_heads = set(cues["drop_heads"])
        self.head_needing = set(cues["head_needing_words"])
        self.title_means = set(cues["title_means_words"])
        self.method_openers = set(cues["method_openers"])
        self.bare = {t: set(words) for t, words in cues["bare_heads"].items()}
        self.bare_tasks = set(cues["bare_task_heads_in_context"])
        self.bare_task_context = set(cues["bare_task_context_words"])
        self.measured_words = set(cues["heads"]["metric"]) | set(cues["task_measure_words"])
        self.task_ends = set(cues["task_phrase_ends"])
        self.kept_task_ends = set(cues["task_phrase_kept_ends"])
        self.competition_words = set(cues["competition_task_words"])
        self.rate_words = set(cues["metric_rate_words"])
        self.generic_heads = set(cues["generic_method_heads"])
        self.metric_modifiers = set(cues["metric_modifiers"])
        self.stop_compounds = set(cues["stop_word_compounds"])
        decision = read_json("entity_decision.json")
        self.qualifiers = set(decision["qualifiers"])
        # a verb or adverb before the modifiers begins a clause, not the term ("train word embeddings")
        self.clause_starts = set(decision["phrase_start_verbs"]) | set(decision["clause_words"]) \
            | english("verbs") | english("adverbs")
        self.cue_words = self.task_ends | set(self.head_types)

    def __call__(self, doc: Doc) -> Doc:
        lexicon_types = {i: c.type for c in candidates(doc) if c.source == "lexicon"
                         for i in range(c.first_token, c.end_token)}
        table = tokens(doc)
        cue_words = self.cue_words
        for i in [i for i, low in enumerate(table.lower) if low in cue_words]:
            low = table.lower[i]
            if low in self.task_ends:
                self._task_phrase(doc, i, lexicon_types)
            types = self.head_types.get(low)
            if not types or self._head_continues(table, i):
                continue
            if i in lexicon_types and lexicon_types[i] != types[0]:
                # a lexicon term of another type ends here ("representation learning" is a task): the
                # phrase around it is of the term's type ("audio representation learning")
                types = [lexicon_types[i]]
            for type_ in types:
                if self._phrase(doc, i, type_, lexicon_types):
                    break
        return doc

    def _head_continues(self, table: Tokens, i: int) -> bool:
        """``speech recognition systems``: only the last head word of a compound starts a phrase; but a task
        before a metric is a task of its own (``translation accuracy``: the task that is measured)."""
        return i + 1 < len(table) and table.space[i] and table.lower[i + 1] in self.head_types \
            and not ("task" in self.head_types.get(table.lower[i], ()) and self._measured(table, i))

    def _measured(self, table: Tokens, i: int) -> bool:
        """A metric word follows token ``i`` (``classification accuracy``, ``segmentation performance``):
        the task noun there is the task that is measured."""
        return i + 1 < len(table) and table.lower[i + 1] in self.measured_words

    def _dataset_name_end(self, table: Tokens, first: int, head: int) -> int | None:
        """Where a dataset's name ends, before the dataset words after it (``MSRA benchmark datasets`` is
        MSRA; ``NIST MT08 set``, a set after a name, is NIST MT08, where ``test set`` stays whole); None
        when the head is part of the name."""
        end = head if table.lower[head] in self.drop_heads or table.lower[head] == "set" and head - 1 >= first \
            and looks_like_name(table.words[head - 1]) else None
        while end and end - 1 > first and table.lower[end - 1] in self.drop_heads:
            end -= 1
        return end

    def _modifiers_start(self, doc: Doc, head: int, type_: str, lexicon_types: dict[int, str]) -> int:
        """First token of the modifier run before ``doc[head]`` (``Chinese-to-English`` stays whole)."""
        table = tokens(doc)
        sent_start, first, words = table.sentence_start(head), head, 0
        glue = "-/" if type_ == "dataset" else "-"
        while first > sent_start and words < self.MAX_MODIFIERS[type_]:
            prev = first - 1
            glued = not table.space[prev] and table.words[first] in glue and first < head
            if self._acronym_before(table, prev, sent_start, type_):  # part-of-speech (POS) tagging
                first -= 3
                continue
            if table.is_punct(prev):
                if not (table.words[prev] in glue and prev - 1 >= sent_start and not table.space[prev - 1]):
                    break
            elif (table.lower[prev] in self.stop and not glued and not self._after_dash(table, prev, glue)
                  and not self._opens_compound(table, prev, head)) \
                    or lexicon_types.get(prev, type_) != type_ \
                    or (type_ != "dataset" and NUMBER.match(table.words[prev])):
                break
            elif not self._after_dash(table, prev, glue):  # a hyphenated compound (low-level) is one word
                words += 1
            first -= 1
        while first < head and (table.is_punct(first) or table.lower[first] in self.stop
                                and not (not table.space[first] and table.words[first + 1] in glue)
                                and not self._opens_compound(table, first, head)
                                or self._qualifies(table, first)):
            first += 1
        return self._after_clause_start(table, first, head)

    def _opens_compound(self, table: Tokens, i: int, head: int) -> bool:
        """``named entity tagging``, ``large vocabulary speech recognition``: a stop word that makes a term with
        the next word (``cues.json`` ``stop_word_compounds``) is part of the phrase."""
        return i + 1 < head and f"{table.lower[i]} {table.lower[i + 1]}" in self.stop_compounds

    def _after_clause_start(self, table: Tokens, first: int, head: int) -> int:
        """``train word embeddings`` is ``word embeddings``: a verb or adverb before the modifiers begins a
        clause, not the term; unless what follows looks like more verb (``seeks feature extraction``,
        ``adopted NLP``), where the whole stays a fragment for the entity decision to drop."""
        # the word after a subject is its verb: "we frame citation classification as ..."
        after_subject = first > 0 and table.lower[first - 1] in ("we", "they")
        start = first + after_subject
        while start < head and table.words[start] == table.lower[start] and table.lower[start] in self.clause_starts \
                and (table.space[start] or table.words[start + 1] not in DASHES):
            start += 1
        if not after_subject and (start == first or start == head or table.lower[start].endswith(("ed", "s"))):
            return first
        return start

    def _qualifies(self, table: Tokens, i: int) -> bool:
        """An evaluative word before a term (``inaccurate text classification``, ``a novel framework``):
        it says something of this paper's case, not what the term is, so the phrase starts after it."""
        return table.lower[i] in self.qualifiers and (table.space[i] or table.words[i + 1] not in DASHES)

    def _acronym_before(self, table: Tokens, close: int, sent_start: int, type_: str) -> bool:
        """``(POS)`` ending at token ``close``, defined by the words before it; not after a head word of another
        type, which ends a name of its own (``language models (LLMs) possess ... understanding``)."""
        return table.words[close] == ")" and close - 3 >= sent_start and table.words[close - 2] == "(" \
            and ACRONYM.match(table.words[close - 1]) is not None and not table.is_punct(close - 3) \
            and type_ in self.head_types.get(table.lower[close - 3], (type_,))

    @staticmethod
    def _joins(table: Tokens, i: int) -> bool:
        """A dash inside a word: ``non-rigid``."""
        return table.words[i] in DASHES and not table.space[i - 1] and not table.space[i]

    def _after_dash(self, table: Tokens, i: int, glue: str) -> bool:
        """``based`` in ``rule-based``, ``level`` in ``low-level``: a word dash-joined to the word before it
        is part of a compound, unless both are stop words (``the-art`` in ``state-of-the-art``)."""
        return i >= 2 and table.words[i - 1] in glue and not table.space[i - 1] and not table.space[i - 2] \
            and not (table.lower[i - 2] in self.stop and table.lower[i] in self.stop)

    def _phrase(self, doc: Doc, head: int, type_: str, lexicon_types: dict[int, str]) -> bool:
        table = tokens(doc)
        first = self._modifiers_start(doc, head, type_, lexicon_types)
        head_word = table.lower[head]
        if type_ == "dataset":
            while first < head and not table.is_name_token(first):
                first += 1
            if not self._has_proper_name(doc, first, head):
                return False
        end = self._of_phrase_end(table, head, lexicon_types) if type_ == "task" else head + 1
        if type_ != "dataset" and first == head and end == head + 1 and head_word not in self.bare.get(type_, ()) \
                and not (type_ == "task" and self._bare_task(table, head)):
            return False  # a bare head is too vague, unless an of-phrase says what of (retrieval of long phrases)
        if type_ == "metric":
            first = self._metric_modifiers_start(table, first, head, lexicon_types)
            if not self._metric_ok(table, first, head, lexicon_types):
                return False
        if type_ == "task" and first > 0 and table.lower[first - 1] in self.title_means \
                and doc.user_data.get("field") == "title":
            type_ = "method"  # "... via Manifold Entropy Estimation": what a title does a thing by is a method
        if type_ == "task" and table.lower[first] in self.method_openers:
            type_ = "method"  # "Masked Token Modeling": a training objective, whatever its head word
        mods, span = table.span_text(first, head), table.span_text(first, end)
        name_end = self._dataset_name_end(table, first, head) if type_ == "dataset" else None
        canonical = PARENTHESIS.sub("", table.span_text(first, name_end) if name_end else span)
        if type_ == "method" and head_word in self.generic_heads and mods \
                and table.lower[head - 1] not in self.head_needing:  # "Targeted Language Model" keeps "Model"
            # a lower-case head goes where what is left ends in a name ("the CLIP model", "an Optimal
            # Transport mechanism"); a capitalised one is part of the name ("Augmented Transition Network"),
            # and "IBM translation models" would lose the noun its name needs
            entry, named = self.resources.lookup_any(mods), PARENTHESIS.sub("", mods)
            last = mods.split()[-1].strip("()")  # "foreground-aware feature contrast (FAC) framework": FAC names it
            canonical = entry.name if entry else named if table.words[head].islower() and (
                looks_like_name(last) or self._title_noun(table, head - 1)) \
                and not self._defined_otherwise(doc, head - 1) else canonical
        # the span only when it differs: it is the canonical name itself most of the time
        if self.resources.is_generic(canonical) or span != canonical and self.resources.is_generic(span) \
                or not LETTER.search(canonical):
            return False
        if type_ == "task" and self._shares_head(table, first, head, lexicon_types):
            first -= 2  # the mention is the coordination, its name the task the head word ends
        add_span(doc, type_, first, end, "cue_phrase", canonical)
        return True

    def _shares_head(self, table: Tokens, first: int, head: int, lexicon_types: dict[int, str]) -> bool:
        """``syntactic and semantic parsing``: an adjective coordinated with the phrase's only modifier shares
        its head, and annotators mark the whole. A noun there is mostly a task of its own (``tutoring and
        machine translation``, ``thread ranking and answer summarization``), so only adjectives that
        open the coordination count."""
        if first != head - 1 or first < 2 or table.lower[first - 1] not in ("and", "or"):
            return False
        other = first - 2
        word = table.words[other]
        opens = other == table.sentence_start(other) or table.is_punct(other - 1) or table.lower[other - 1] in self.stop
        return opens and word.islower() and word in english("adjectives") and word not in self.qualifiers \
            and word not in self.cue_words and other not in lexicon_types

    @staticmethod
    def _defined_otherwise(doc: Doc, i: int) -> bool:
        """Token ``i`` is an acronym the text defines as a task, dataset or metric: "the WSI algorithm"
        (word sense induction) is an algorithm for the task, no method named WSI."""
        defined = doc.user_data.get("kg_acronyms_not_methods")
        if defined is None:  # once per doc (kg_acronyms ran before): a long text has many of both
            defined = doc.user_data["kg_acronyms_not_methods"] = {
                c.first_token for c in candidates(doc) if c.source == "acronym_ref" and c.type != "method"}
        return i in defined

    @staticmethod
    def _title_noun(table: Tokens, i: int) -> bool:
        """The last word of a Title Case phrase no sentence start explains (``Optimal Transport``; not
        ``Bayesian``, and not one capitalised word: the ``Ising model`` is no ``Ising``)."""
        word = table.words[i]
        return word[:1].isupper() and word[1:].islower() and table.is_name_token(i) \
            and word.lower() not in english("adjectives") and i > 0 and table.words[i - 1][:1].isupper()

    def _bare_task(self, table: Tokens, head: int) -> bool:
        """``trained for classification``, ``on detection and segmentation``: a task noun alone after a
        preposition or a conjunction, with nothing after it that it could modify; or one a metric measures."""
        after = head + 1
        alone = head > 0 and table.lower[head - 1] in self.bare_task_context \
            and (after >= len(table) or table.is_punct(after) or table.lower[after] in self.stop)
        return table.lower[head] in self.bare_tasks and (alone or self._measured(table, head))

    def _of_phrase_end(self, table: Tokens, head: int, lexicon_types: dict[int, str]) -> int:
        """``detection of abnormal behaviours``: a task head takes a short ``of`` phrase that ends by itself
        (at a stop word, punctuation or the sentence end), else it ends at the head."""
        of, limit = head + 1, min(head + 2 + 2 * self.MAX_OF_WORDS, table.sentence_end(table.sentence_of[head]))
        if of >= limit or table.lower[of] != "of":
            return head + 1
        end = of + 1
        while end < limit and not (table.is_punct(end) and not self._joins(table, end)
                                   or table.lower[end] in self.stop or end in lexicon_types):
            end += 1
        stopped = end < len(table) and (table.is_punct(end) or table.lower[end] in self.stop) \
            and table.lower[end] not in ("and", "or")  # "of 2-character and 3-character names": cut mid-list
        words = sum(not self._joins(table, i) for i in range(of + 1, end))
        cut = table.words[end - 1] in DASHES  # "analysis of state-of-the-art ...": a stop word inside a compound
        return end if 0 < words <= self.MAX_OF_WORDS and stopped and not cut else head + 1

    def _has_proper_name(self, doc: Doc, first: int, head: int) -> bool:
        """A dataset phrase needs a name that is not a language: ``Europarl data``, not ``Chinese text corpus``;
        in a Title Case title (``Implicit Feedback Data``) capitals prove nothing, so it needs a name shape."""
        table = tokens(doc)
        title_case = doc.user_data.get("field") == "title" and table.words[head][:1].isupper()
        return any((looks_like_name(table.words[i]) if title_case else table.is_name_token(i))
                   and table.lower[i] not in self.resources.languages for i in range(first, head))

    def _shared_task(self, doc: Doc, end: int, lexicon_types: dict[int, str]) -> None:
        """``the CoNLL 2008 shared task``: a competition, named like a dataset (years allowed), kept whole."""
        table = tokens(doc)
        first = self._modifiers_start(doc, end - 1, "dataset", lexicon_types)
        while first < end - 1 and not table.is_name_token(first):
            first += 1
        if first < end - 1:
            text = table.span_text(first, end + 1)
            add_span(doc, "task", first, end + 1, "task_phrase", text)

    def _names_a_task(self, table: Tokens, first: int, end: int) -> bool:
        """One word before ``task`` is mostly an adjective (``binary task``, ``semantic tasks``): keep it
        only when it is a name (``WSD task``), a task noun (``categorization task``) or a gerund (``ranking``)."""
        word = table.lower[first]
        return end - first > 1 or table.is_name_token(first) or word in self.head_types or word.endswith("ing")

    def _metric_modifiers_start(self, table: Tokens, first: int, head: int, lexicon_types: dict[int, str]) -> int:
        """A metric name as head (``BLEU``, ``accuracy``) keeps only name-like, hyphenated or known metric
        modifiers: ``labeled F1``, ``IBM-BLEU``, ``sub-voxel precision``, but ``accuracy`` out of
        ``improving classification accuracy``."""
        if lexicon_types.get(head) != "metric":
            return first
        while first < head and not (self._names_a_metric_variant(table, first)
                                    or table.lower[first] in self.metric_modifiers
                                    or (not table.space[first] and table.words[first + 1] in DASHES)):
            first += 1
        return first

    @staticmethod
    def _names_a_metric_variant(table: Tokens, i: int) -> bool:
        """``IBM BLEU``, ``WSD accuracy``: a name or an acronym; a capital alone proves nothing here
        (``Table 4: Parser accuracy``, ``Oracle precision``: a caption or heading capitalises)."""
        word = table.words[i]
        return table.is_name_token(i) and (looks_like_name(word) or word.isupper() and len(word) > 1)

    def _metric_ok(self, table: Tokens, first: int, head: int, lexicon_types: dict[int, str]) -> bool:
        head_word = table.lower[head]
        if head_word in ("rate", "rates"):
            return first < head and table.lower[head - 1] in self.rate_words
        if head_word in ("score", "scores"):  # "BLEU score" is BLEU: the lexicon match is the mention
            return any(table.is_name_token(i) for i in range(first, head)) \
                and any(lexicon_types.get(i) != "metric" for i in range(first, head))
        if head_word == "correlation":
            return first < head
        if head_word in ("measure", "measures"):  # "similarity measure", "Dau measure"; not "a statistical measure"
            return first < head and table.lower[head - 1] not in english("adjectives")
        return True

    def _task_phrase(self, doc: Doc, end: int, lexicon_types: dict[int, str]) -> None:
        """``the person search task`` -> ``person search``; the mention keeps a singular ``task``."""
        table = tokens(doc)
        if end > 0 and table.lower[end - 1] in self.competition_words:
            self._shared_task(doc, end, lexicon_types)
            return
        first = self._modifiers_start(doc, end, "task", lexicon_types)
        text = table.span_text(first, end)
        if self._acronym_before(table, end - 1, first, "task"):
            return  # "the Image-Text Retrieval (ITR) task": the definition names it (kg_acronyms), with its alias
        if first < end and not self.resources.is_generic(text) and self._names_a_task(table, first, end):
            kept = table.lower[end] in self.kept_task_ends
            add_span(doc, "task", first, end + kept, "task_phrase", text)

