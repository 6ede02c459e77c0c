"""``kg_roles``: the paper's role towards each candidate (proposes, introduces, uses ...)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.extraction.components.doc_tables import DASHES, Candidate, Tokens, candidates, tokens
from kg.extraction.lexicon import load, name_key, read_json
from kg.model import DEFAULT_ROLES, NEW_ROLES

_NAME_RULES = ("name_shape", "bare_name", "acronym", "described_name")  # rules that find a name, not a phrase


# How far before a propose verb its subject may be ("in this work , we further propose").
SUBJECT_REACH = 4
# How far after the verb its object may start ("we propose a simple yet very effective FooNet").
OBJECT_REACH = 8


@Language.factory("kg_roles")
class RoleAssigner:
    """Proposes/introduces for the paper's own new names (the title name, the object right after
    ``we propose``, ``called X``); defaults otherwise.

    A lexicon name or a lower-case description (``a joint learning framework``) is not proposed: the
    first is an existing method, the second names nothing another paper could use.
    """

    def __init__(self, nlp: Language, name: str):
        self.resources = load()
        cues = self.resources.cues
        self.verbs = set(cues["propose_verbs"])
        self.subjects = set(cues["propose_subjects"])
        self.naming = set(cues["naming_words"])
        self.dataset_heads = set(cues["heads"]["dataset"])
        rules = read_json("roles.json")
        self.breakers = set(rules["object_breakers"])
        self.hedges = set(rules["hedges_before_naming"])

    def __call__(self, doc: Doc) -> Doc:
        cands, table = candidates(doc), tokens(doc)
        by_sentence: dict[int, list[Candidate]] = {}
        for cand in cands:
            by_sentence.setdefault(table.sentence_of[cand.first_token], []).append(cand)
        for index, sent_cands in by_sentence.items():
            self._sentence_roles(table, index, sent_cands)
        if doc.user_data.get("field") == "title":
            self._title_definition(table, cands)
        new = {(c.type, name_key(c.canonical)) for c in cands if c.role in NEW_ROLES.values()}
        for cand in cands:
            if cand.role is None:
                is_new = bool(new) and cand.type in NEW_ROLES and (cand.type, name_key(cand.canonical)) in new
                cand.role = NEW_ROLES[cand.type] if is_new else DEFAULT_ROLES[cand.type]
        return doc

    @staticmethod
    def _title_definition(table: Tokens, cands: list[Candidate]) -> None:
        """``Habitat Synthetic Scenes Dataset (HSSD-200): An Analysis ...``: a title that opens with a defined
        name before its colon names what the paper proposes, as a title name does."""
        for cand in cands:
            if cand.source == "acronym" and cand.first_token == 0 and cand.type in NEW_ROLES \
                    and cand.end_token < len(table) and table.words[cand.end_token] == ":":
                cand.role = NEW_ROLES[cand.type]

    def _sentence_roles(self, table: Tokens, index: int, cands: list[Candidate]) -> None:
        for cand in cands:
            if self._named(table, cand.first_token):
                self._propose(table, cand)
        start, end = table.sentence_first[index], table.sentence_end(index)
        verb = self._proposing_verb(table, start, end)
        proposed = self._object(table, verb, cands) if verb is not None else None
        if proposed is None:
            return
        # a dataset word near a proposed name makes it a dataset, unless an appositive typed it ("NonFactS, a data
        # generation model")
        if proposed.type == "method" and proposed.source in _NAME_RULES and proposed.source != "described_name" and any(
                table.lower[i] in self.dataset_heads and table.space[i - 1]  # not "Prior-Data Fitted Networks"
                for i in range(verb + 1, min(proposed.end_token + 3, end)) if not _inside_name(table, proposed, i)):
            proposed.type = "dataset"
        if not self._propose(table, proposed):
            self._propose(table, self._apposition(table, proposed, cands))

    def _named(self, table: Tokens, first: int) -> bool:
        """``called X``, ``termed X`` (a word may come between), but not ``so-called X`` or ``also called X``."""
        lower, words = table.lower, self.naming
        # the word before, else the one before that (no generator made for each candidate)
        naming = first - 1 if first > 0 and lower[first - 1] in words else \
            first - 2 if first > 1 and lower[first - 2] in words else None
        if naming is None:
            return False
        before = [w for w in lower[max(naming - 2, 0):naming] if w not in DASHES]
        return not (before and before[-1] in self.hedges)

    def _propose(self, table: Tokens, cand: Candidate | None) -> bool:
        """Mark a new method or dataset, unless it is a lexicon name or a lower-case description."""
        if cand is None or cand.type not in NEW_ROLES or cand.source == "lexicon":
            return False
        text = table.text[cand.start:cand.end]
        if text == text.lower() or self.resources.lookup(cand.type, cand.canonical):
            return False
        cand.role = NEW_ROLES[cand.type]
        return True

    def _proposing_verb(self, table: Tokens, start: int, end: int) -> int | None:
        """Index of the first ``propose``-like verb with ``we``/``our``/``this paper`` just before it."""
        lower, verbs = table.lower, self.verbs  # locals: the loop reads every word of the sentence
        for i in range(start, end):
            if lower[i] in verbs and any(w in self.subjects for w in lower[max(start, i - SUBJECT_REACH):i]):
                return i
        return None

    def _object(self, table: Tokens, verb: int, cands: list[Candidate]) -> Candidate | None:
        """The first candidate after the verb if nothing but articles, adjectives or numbering come between."""
        cand = next((c for c in cands if c.first_token > verb), None)
        if cand is None or cand.first_token - verb > OBJECT_REACH:
            return None
        between = table.lower[verb + 1:cand.first_token]
        return None if any(w in self.breakers for w in between) else cand

    @staticmethod
    def _apposition(table: Tokens, described: Candidate, cands: list[Candidate]) -> Candidate | None:
        """The name right after a description: ``a fine-tuning method LEVI``, ``a new loss, FooLoss``."""
        after = next((c for c in cands if c.first_token >= described.end_token), None)
        if after is None or after.first_token - described.end_token > 1:
            return None
        return after if all(w in (",", "(") for w in table.words[described.end_token:after.first_token]) else None


def _inside_name(table: Tokens, cand: Candidate, i: int) -> bool:
    """Token ``i`` is a word of the candidate's name other than its head (its last word, or the one before
    "of"): "Data" in "Mixture of Data Experts (MoDE)" says nothing of what MoDE is; "Corpus" in "Russian
    Corpus of Linguistic Acceptability (RuCoLA)" and "Dataset" in "the Foo Dataset (FD)" do."""
    words = table.words[cand.first_token:cand.end_token]
    if words[-1] == ")" and "(" in words:
        words = words[:words.index("(")]
    head = len(words) - 1
    while head > 0 and not words[head].isalpha():  # "Webis text reuse corpus 2012": the year is no head
        head -= 1
    head = words.index("of") - 1 if "of" in words[1:] else head
    return 0 <= i - cand.first_token < len(words) and i - cand.first_token != head
