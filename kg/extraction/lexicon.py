"""The data files of the extractor: lexicons, cue words, stop-lists, and the name key.

>>> name_key("Contrastive Language\u2013Image Pre-Training")
'contrastivelanguageimagepretraining'
>>> name_key("LLMs") == name_key("LLM"), name_key("GPT-XLs") == name_key("GPT-XL"), name_key("GPT-4") == name_key("GPT-4o")
(True, True, False)
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

LEXICON_FILES = {"method": "methods.txt", "dataset": "datasets.txt", "task": "tasks.txt", "metric": "metrics.txt"}
_WORD = re.compile(r"[^\W_]+")
_ACRONYM_PLURAL = re.compile(r"(?<=[A-Z])s\b")  # CNNs, XLs


def _fold_plural(word: str) -> str:
    """Crude singular of one lower-case word: ``models`` -> ``model``, ``studies`` -> ``study``."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1]


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """A key on which case, hyphen, unicode-dash, spacing and plural variants of a name agree, and a
    dimension spelled out or not (``Three-dimensional object detection`` is ``3D object detection``).

    >>> name_key("Three-dimensional object detection") == name_key("3D object detection")
    True
    """
    text = _ACRONYM_PLURAL.sub("", unicodedata.normalize("NFKC", name)).casefold()
    if "dimensional" in text:  # rarely: the search for no match cost more than the test
        text = _DIMENSION_WORDS.sub(lambda m: _DIMENSIONS[m[1]] + "d", text)
    # only a word in -s can fold (a call for every word was a quarter of a new name's key)
    return "".join([_fold_plural(w) if w[-1] == "s" else w for w in _WORD.findall(text)])


_DIMENSIONS = {"one": "1", "two": "2", "three": "3", "four": "4"}
_DIMENSION_WORDS = re.compile(r"\b(one|two|three|four)[\s\-]?dimensional\b")


def read_lines(filename: str) -> list[str]:
    text = resources.files("kg.extraction").joinpath("data", filename).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def plural(term: str) -> str:
    """English plural of the last word: ``error rate`` -> ``error rates``."""
    if re.search(r"[^aeiou]y$", term):
        return term[:-1] + "ies"
    if term.endswith(("s", "x", "ch", "sh")):
        return term + "es"
    return term + "s"


def is_case_sensitive(term: str) -> bool:
    """Acronyms and short capitalised names (``CLIP``, ``SAM``) must match their exact case."""
    letters = [c for c in term if c.isalpha()]
    has_upper = any(c.isupper() for c in letters)
    return has_upper and (len(term) <= 5 or all(c.isupper() for c in letters))


@dataclass
class LexiconEntry:
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)

    def surfaces(self) -> list[str]:
        """Every surface form matched in text, with plurals of lower-case forms."""
        forms = [self.name, *self.aliases]
        plurals = [plural(f) for f in forms if f.islower() and self.type != "dataset"]
        return list(dict.fromkeys(forms + plurals))


@dataclass
class Resources:
    """Everything the extractor reads from ``kg/extraction/data``."""

    entries: list[LexiconEntry]
    cues: dict
    stopwords: frozenset[str]
    generic: frozenset[str]
    languages: frozenset[str]
    by_key: dict[tuple[str, str], LexiconEntry] = field(default_factory=dict)

    def __post_init__(self):
        for entry in self.entries:
            for surface in entry.surfaces():
                self.by_key.setdefault((entry.type, name_key(surface)), entry)

    def lookup(self, type_: str, name: str) -> LexiconEntry | None:
        """The lexicon entry of that type one of whose forms has the same key as ``name``."""
        return self.by_key.get((type_, name_key(name)))

    def lookup_any(self, name: str) -> LexiconEntry | None:
        """The first lexicon entry of any type matching ``name``."""
        key = name_key(name)  # once, not once per type
        for type_ in LEXICON_FILES:
            entry = self.by_key.get((type_, key))
            if entry:
                return entry
        return None

    def is_generic(self, name: str) -> bool:
        return name.casefold() in self.generic or name_key(name) in self.generic

    def names_nothing(self, name: str) -> bool:
        """Generic as a whole, or word by word: ``Chinese-English``, ``English-to-Japanese``."""
        words = _WORD.findall(name.casefold())
        return self.is_generic(name) or all(w in self.generic or w in self.stopwords for w in words)


@lru_cache(maxsize=None)
def english(part: str) -> frozenset[str]:
    """An English word list made by ``scripts/make_wordlists.py``: ``common``, ``verbs``, ``adverbs``,
    ``adjectives`` or ``gerunds`` (``kg/extraction/data/english_<part>.txt``)."""
    return frozenset(read_lines(f"english_{part}.txt"))


@lru_cache(maxsize=None)
def read_json(filename: str) -> dict:
    """A JSON data file of ``kg/extraction/data``, read once per process (treat it as read-only: several
    components and the entity decision read the same files)."""
    return json.loads(resources.files("kg.extraction").joinpath("data", filename).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load() -> Resources:
    """Read the data files once per process."""
    entries = []
    for type_, filename in LEXICON_FILES.items():
        for line in read_lines(filename):
            name, *aliases = [part.strip() for part in line.split("|")]
            entries.append(LexiconEntry(type_, name, [a for a in aliases if a]))
    cues = read_json("cues.json")
    stopwords = frozenset(w.casefold() for w in read_lines("stopwords.txt"))
    languages = frozenset(w.casefold() for w in read_lines("languages.txt"))
    generic_lines = read_lines("generic.txt")
    generic = frozenset([w.casefold() for w in generic_lines] + [name_key(w) for w in generic_lines]) | languages
    return Resources(entries, cues, stopwords, generic, languages)
