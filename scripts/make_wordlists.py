"""Make the English word lists the entity decision reads (kg/extraction/data/english_*.txt).

They come from spaCy's own lookup tables (the PyPI package ``spacy-lookups-data``, read here
once, not needed at run time): word probabilities (``en_lexeme_prob``) and WordNet 3.0's lemma
index by part of speech (``en_lemma_index``, licence in ``kg/extraction/data/WORDNET_LICENSE``).

* ``english_common.txt``: the most frequent lower-case English words. A span made only of such
  words and written as one dashed token (``Low-Dimensional``, ``Long-Horizon``) is a modifier,
  not a name.
* ``english_verbs.txt``: forms only a verb has in WordNet (``develop``, ``hinders``): a phrase
  starting with one (``develop models``, ``refine text generation``) or with one inside is a
  clause fragment, not an entity.
* ``english_adjectives.txt``: words that are only adjectives in WordNet (``neural``, ``cognitive``): a
  phrase ending in one has lost its head noun (``Probabilistic Self-Explainable Neural``).
* ``english_adverbs.txt``: words that are only adverbs (``adequately``): no name has one.
* ``english_gerunds.txt``: the ``-ing`` form of every WordNet verb that is no noun: a gerund with an
  object after it (``querying search engines``) is a clause, not a name (``training`` and
  ``reading`` are nouns too: ``reading comprehension`` is a task).

Usage: ``python scripts/make_wordlists.py [--common 40000]`` (installs spacy-lookups-data into
a temporary directory with pip when it is not importable).
"""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from importlib import resources
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "kg" / "extraction" / "data"


def lookups_dir() -> Path:
    """The ``data`` folder of spacy-lookups-data, installed into a temporary folder if needed."""
    try:
        import spacy_lookups_data
    except ImportError:
        target = tempfile.mkdtemp(prefix="kg-lookups-")
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", target,
                        "spacy-lookups-data==1.0.5"], check=True)
        sys.path.insert(0, target)
        import spacy_lookups_data
    return Path(resources.files(spacy_lookups_data)) / "data"


def read(folder: Path, name: str):
    with gzip.open(folder / f"en_{name}.json.gz", "rt", encoding="utf-8") as handle:
        return json.load(handle)


def common_words(probabilities: dict[str, float], count: int) -> list[str]:
    words = [w for w in probabilities if w.isalpha() and w.islower() and w.isascii() and len(w) > 1]
    return sorted(sorted(words, key=lambda w: -probabilities[w])[:count])


def verb_forms(index: dict[str, list[str]], lookup: dict[str, str]) -> list[str]:
    """Forms that only a verb has: the base of a verb that is never a noun or adjective (``develop``),
    and the ``-s`` form of a verb that is never a noun (``hinders``; ``models`` is a noun too)."""
    nouns, adjectives = set(index["noun"]), set(index["adj"])
    verbs = {v for v in index["verb"] if v.isalpha() and len(v) > 2}
    forms = {v for v in verbs if v not in nouns and v not in adjectives}
    forms |= {form for form, lemma in lookup.items() if lemma in verbs and lemma not in nouns
              and form.isalpha() and form in (lemma + "s", lemma + "es")}
    return sorted(forms)


def adjectives(index: dict[str, list[str]]) -> list[str]:
    """Words that are only adjectives in WordNet (``neural``, ``cognitive``, ``regressive``)."""
    others = set(index["noun"]) | set(index["verb"])
    return sorted(a for a in index["adj"] if a.isalpha() and a not in others and len(a) > 2)


def adverbs(index: dict[str, list[str]]) -> list[str]:
    """Words that are only adverbs in WordNet (``adequately``, ``simultaneously``)."""
    others = set(index["noun"]) | set(index["verb"]) | set(index["adj"])
    return sorted(a for a in index["adv"] if a.isalpha() and a not in others and len(a) > 2)


def gerunds(index: dict[str, list[str]]) -> list[str]:
    """The ``-ing`` form of every verb that is no noun (``querying``, ``amalgamating``; not ``training``)."""
    forms = set()
    for verb in index["verb"]:
        if not verb.isalpha() or len(verb) < 3:
            continue
        forms.add(verb + "ing")
        if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
            forms.add(verb[:-1] + "ing")
        if verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
            forms.add(verb + verb[-1] + "ing")  # run -> running; over-generation is harmless
    return sorted(forms - set(index["noun"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--common", type=int, default=40_000, help="how many frequent words to keep")
    args = parser.parse_args()
    folder = lookups_dir()
    header = "# made by scripts/make_wordlists.py from spacy-lookups-data 1.0.5; do not edit by hand\n"
    words = common_words(read(folder, "lexeme_prob"), args.common)
    (DATA / "english_common.txt").write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    index = read(folder, "lemma_index")
    verbs = verb_forms(index, read(folder, "lemma_lookup"))
    (DATA / "english_verbs.txt").write_text(header + "\n".join(verbs) + "\n", encoding="utf-8")
    adjs = adjectives(index)
    (DATA / "english_adjectives.txt").write_text(header + "\n".join(adjs) + "\n", encoding="utf-8")
    advs = adverbs(index)
    (DATA / "english_adverbs.txt").write_text(header + "\n".join(advs) + "\n", encoding="utf-8")
    ings = gerunds(index)
    (DATA / "english_gerunds.txt").write_text(header + "\n".join(ings) + "\n", encoding="utf-8")
    (DATA / "WORDNET_LICENSE").write_text((folder / "en_license.txt").read_text(encoding="utf-8"), encoding="utf-8")
    print(f"english_common.txt: {len(words)} words; english_verbs.txt: {len(verbs)} verb forms; "
          f"english_gerunds.txt: {len(ings)}; english_adjectives.txt: {len(adjs)}; english_adverbs.txt: {len(advs)}")


if __name__ == "__main__":
    main()
