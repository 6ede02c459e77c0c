"""spaCy's English tokenizer with the same tokens, faster on a vocabulary that keeps growing.

spaCy splits each whitespace-separated chunk it has not seen with its prefix, suffix, infix and URL
regular expressions, and caches the result. Two things make that slow on abstracts, where most
chunks are new: the cache stops growing at 10,000 chunks (a few hundred abstracts), after which
every chunk outside it is split again; and each regular expression is tried at every position of
a chunk. So the cache holds :data:`CACHE_CHUNKS`, and a chunk of ASCII letters only skips the
regular expressions: every alternative of them needs a character that is not an ASCII letter
(punctuation, a symbol, a digit before a unit, a dot between a URL's labels), so none matches it
(``tests/extraction/test_tokenizer.py`` checks the patterns and the tokens). And the suffix
expression, the slowest of them (a search tries its alternatives at every position of the chunk), is
only tried where a suffix can start (:func:`_suffix_search`).

Three splits spaCy does not make: a score written with ``=`` (``FID=1.42``, ``macro-F1=0.63``) is the
metric, ``=`` and the value (:data:`SCORE_INFIX`), so the metric's name is a token of its own; a
sentence's full stop after a name that ends in a capital (``... named DC-ViT.``, ``on CC3M.``) is a token
of its own (:data:`NAME_FULL_STOP`; spaCy keeps it on such a word, as on an abbreviation: ``U.S.``); and
``):`` is a closing parenthesis and a colon, not spaCy's emoticon (:data:`NOT_EMOTICONS`), so a title
opening with a definition (``Habitat Synthetic Scenes Dataset (HSSD-200): ...``) defines it.
"""
from __future__ import annotations

import re._parser as sre
from typing import Callable

from spacy import util
from spacy.language import Language
from spacy.tokenizer import Tokenizer

CACHE_CHUNKS = 1_000_000  # about 70 bytes each; spaCy's vocabulary grows with every new chunk anyway
NAME = "kg_tokenizer.v1"
SCORE_INFIX = r"(?<=[A-Za-z0-9])=(?=[0-9.])"
NAME_FULL_STOP = r"(?<=[a-z0-9][A-Z])\."  # DeiT., CC3M., MedM2G. (not U.S., Ph.D., J.)
NOT_EMOTICONS = ("):",)  # spaCy's exception for the emoticon; in papers, "(ACRONYM):"


@util.registry.tokenizers(NAME)
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's default tokenizer factory (``spacy.Tokenizer.v1``) with the three changes above."""
    def tokenizer_factory(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        return Tokenizer(
            nlp.vocab,
            rules={chunk: exception for chunk, exception in defaults.tokenizer_exceptions.items()
                   if chunk not in NOT_EMOTICONS},
            prefix_search=_unless_letters(util.compile_prefix_regex(defaults.prefixes).search),
            suffix_search=_unless_letters(_suffix_search([*defaults.suffixes, NAME_FULL_STOP])),
            infix_finditer=_unless_letters(util.compile_infix_regex([*defaults.infixes, SCORE_INFIX]).finditer, ()),
            token_match=defaults.token_match,
            url_match=_unless_letters(defaults.url_match),
            max_cache_size=CACHE_CHUNKS,
        )

    return tokenizer_factory


def _unless_letters(find: Callable, no_match=None) -> Callable:
    """``find``, answering ``no_match`` at once for a chunk of ASCII letters only."""
    def find_unless_letters(chunk: str):
        if chunk.isascii() and chunk.isalpha():
            return no_match
        return find(chunk)

    return find_unless_letters


def _suffix_search(suffixes: list[str]) -> Callable:
    """``util.compile_suffix_regex(suffixes).search``, started where the first suffix can begin.

    Every alternative ends the chunk (``$``, or before a final line break) and all but a few
    (``\\.\\.+``) match at most ``reach`` characters, so unless one of those few matches, no match
    starts before ``len(chunk) - reach - 1``; a lookbehind still sees the characters before that start.
    The leftmost match, hence its length (all spaCy reads), is the same.
    """
    search = util.compile_suffix_regex(suffixes).search
    widths = {suffix: sre.parse(suffix).getwidth()[1] for suffix in suffixes}
    unbounded = [suffix for suffix, width in widths.items() if width >= sre.MAXREPEAT]
    reach = max(width for width in widths.values() if width < sre.MAXREPEAT)
    anywhere = util.compile_suffix_regex(unbounded).search if unbounded else None

    def suffix_search(chunk: str):
        if anywhere is not None and anywhere(chunk):
            return search(chunk)
        return search(chunk, max(len(chunk) - reach - 1, 0))

    return suffix_search
