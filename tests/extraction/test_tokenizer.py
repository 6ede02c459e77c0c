"""kg's tokenizer gives spaCy's English tokens (with one more infix, a score's ``=``, and one more suffix, a full
stop after a name ending in a capital): no affix or URL pattern
can match a chunk of ASCII letters, and the tokens of the seed abstracts and of awkward strings are spaCy's own."""
from __future__ import annotations

import re._parser as sre

import pytest
import spacy
from spacy import util

from kg.extraction.extractor import build_pipeline
from kg.extraction.tokenizer import NAME_FULL_STOP, NOT_EMOTICONS, SCORE_INFIX

_ASCII_LETTERS = {ord(c) for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"}
_NO_LETTER_CATEGORIES = {sre.CATEGORY_DIGIT, sre.CATEGORY_SPACE}


def _class_has_letter(items) -> bool:
    """Whether a character class (``[...]``) may match an ASCII letter (unknown items count as yes)."""
    for op, arg in items:
        if op is sre.LITERAL and arg in _ASCII_LETTERS:
            return True
        if op is sre.RANGE and any(arg[0] <= c <= arg[1] for c in _ASCII_LETTERS):
            return True
        if op is sre.CATEGORY and arg in _NO_LETTER_CATEGORIES:
            continue
        if op not in (sre.LITERAL, sre.RANGE):
            return True
    return False


def _needs_non_letter(pattern) -> bool:
    """Whether every match of a parsed pattern consumes or looks at a character that is not an ASCII
    letter (conservative: False when unsure)."""
    return any(_item_needs_non_letter(op, arg) for op, arg in pattern)


def _item_needs_non_letter(op, arg) -> bool:
    if op is sre.LITERAL:
        return arg not in _ASCII_LETTERS
    if op is sre.IN:
        return not _class_has_letter(arg)
    if op is sre.BRANCH:
        return all(_needs_non_letter(alternative) for alternative in arg[1])
    if op is sre.SUBPATTERN:
        return _needs_non_letter(arg[-1])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        return arg[0] >= 1 and _needs_non_letter(arg[2])
    if op is sre.ASSERT:  # a lookahead or lookbehind the text must satisfy
        return _needs_non_letter(arg[1])
    return False


@pytest.mark.parametrize("compile_, part", [(util.compile_prefix_regex, "prefixes"),
                                             (util.compile_suffix_regex, "suffixes"),
                                             (util.compile_infix_regex, "infixes")])
def test_no_affix_pattern_matches_ascii_letters(compile_, part):
    """The pattern kg's tokenizer compiles from spaCy's English affixes."""
    assert _needs_non_letter(sre.parse(compile_(getattr(spacy.blank("en").Defaults, part)).pattern))


def test_no_url_matches_ascii_letters():
    assert _needs_non_letter(sre.parse(spacy.blank("en").Defaults.url_match.__self__.pattern))


@pytest.mark.parametrize("pattern, needs", [
    ("ab", False), (r"[a-z]+\.?", False), (r"\w", False), (r"(?<![0-9])km", False), (r"[^,]", False),
    ("ab|a,", False), (r"(?<=[0-9])km", True), (r"a\.", True), (r"[^\W\d_]*-", True), ("a,|b;", True)])
def test_the_checker(pattern, needs):
    assert _needs_non_letter(sre.parse(pattern)) is needs


@pytest.fixture(scope="module")
def both():
    """spaCy's English tokenizer with kg's extra infix and suffix, and kg's."""
    reference = spacy.blank("en").tokenizer
    reference.infix_finditer = util.compile_infix_regex([*spacy.blank("en").Defaults.infixes, SCORE_INFIX]).finditer
    reference.suffix_search = util.compile_suffix_regex([*spacy.blank("en").Defaults.suffixes, NAME_FULL_STOP]).search
    reference.rules = {chunk: exception for chunk, exception in reference.rules.items() if chunk not in NOT_EMOTICONS}
    return reference, build_pipeline().tokenizer


def _tokens(tokenizer, text: str) -> list[tuple[str, str]]:
    return [(token.text, token.whitespace_) for token in tokenizer(text)]


@pytest.mark.parametrize("text", [
    "We use BERT-large (Devlin et al., 2019) at https://github.com/a/b. It's 10km, 5kg, US$3 and 4% off!",
    "e.g. i.e. vs. Dr. Smith can't won't gonna Cannot :) <3 ... ... ....word word...",
    "ImageNet-1k,CIFAR-10;COCO:2017 F1=0.9 a/b A.B. U.S. 3.5x x3 naïve Müller über 'quoted' \"double\"",
    "   leading  and   trailing   spaces \u00a0 nbsp \u2013 en dash \u2014 em-dash",
])
def test_same_tokens_as_spacy_on_awkward_text(both, text):
    spacy_tokenizer, kg_tokenizer = both
    assert _tokens(kg_tokenizer, text) == _tokens(spacy_tokenizer, text)


@pytest.mark.parametrize("text, words", [
    ("FID=1.42", ["FID", "=", "1.42"]), ("macro-F1=0.63,", ["macro", "-", "F1", "=", "0.63", ","]),
    ("k=5", ["k", "=", "5"]), ("a==b", ["a==b"]), ("p<0.05", ["p<0.05"])])
def test_a_score_s_equals_sign_is_a_token(text, words):
    assert [t.text for t in build_pipeline().tokenizer(text)] == words


@pytest.mark.parametrize("text, words", [
    ("named DC-ViT.", ["named", "DC", "-", "ViT", "."]), ("on CC3M.", ["on", "CC3", "M", "."]),
    ("in the U.S.", ["in", "the", "U.S."]), ("J. Smith", ["J.", "Smith"]), ("a Ph.D. student", ["a", "Ph.D.", "student"])])
def test_a_full_stop_after_a_name_is_a_token(text, words):
    assert [t.text for t in build_pipeline().tokenizer(text)] == words


def test_same_tokens_as_spacy_on_the_seed_abstracts(both, seed_papers):
    spacy_tokenizer, kg_tokenizer = both
    texts = [t for p in seed_papers for t in (p.title or "", p.abstract or "")]
    assert sum(len(t.split()) for t in texts) > 10_000  # more chunks than spaCy's own cache holds
    assert [_tokens(kg_tokenizer, t) for t in texts] == [_tokens(spacy_tokenizer, t) for t in texts]


def test_suffix_search_from_the_tail_finds_spacy_s_match():
    """Each suffix after a word, a digit and a unit context, and runs of dots: the same match span."""
    from kg.extraction.tokenizer import _suffix_search

    suffixes = spacy.blank("en").Defaults.suffixes
    full, tail = util.compile_suffix_regex(suffixes).search, _suffix_search(suffixes)
    pieces = ["a", ".", "..", "...", "…", "'s", "’S", "km/h", "mbar", "US$", "°F.", "%", ")", ".)", "!?", "a.b.", "x,"]
    chunks = [f"{head}{piece}{end}" for head in ("", "Word", "tokenisation", "10", "3.5", "°F", "U.S")
              for piece in pieces for end in ("", ".", "..", ",", "km", ")", "\n", ".\n")]
    assert len(chunks) > 500

    def span(match):
        return match and match.span()

    assert [span(tail(chunk)) for chunk in chunks] == [span(full(chunk)) for chunk in chunks]


def test_a_parenthesis_before_a_colon_is_no_emoticon():
    words = [t.text for t in build_pipeline().tokenizer("Scenes Dataset (HSSD-200): An Analysis :)")]
    assert words == ["Scenes", "Dataset", "(", "HSSD-200", ")", ":", "An", "Analysis", ":)"]
