"""Score extraction against gold annotations (the ``eval-dev/gold-dev.jsonl`` format).

Per unit and type, gold and predicted surface strings are compared as sets of
normalised strings: *strict* = equal after :func:`normalise`; *lenient* = a
one-to-one match where token Jaccard >= 0.5 or one token set contains the other.
Only the types listed in a unit's ``annotated`` field are scored for that unit.

>>> normalise("The Penn Treebank corpus"), normalise("F1-scores")
('penn treebank', 'f1 score')
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Iterator

from kg.errors import InputError
from kg.model import Paper

GOLD_TYPES = {"methods": "method", "datasets": "dataset", "tasks": "task", "metrics": "metric"}
_DASHES = re.compile(r"[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]")
_TRAILING_KIND = {"dataset", "datasets", "benchmark", "benchmarks", "corpus", "corpora"}


def normalise(text: str) -> str:
    """NFKC, casefold, dashes, leading article, punctuation, trailing dataset word, crude plural fold."""
    text = _DASHES.sub("-", unicodedata.normalize("NFKC", text).casefold())
    words = re.sub(r"[^0-9a-z]+", " ", re.sub(r"^(the|a|an)\s+", "", text.strip())).split()
    if len(words) > 1 and words[-1] in _TRAILING_KIND:
        words = words[:-1]
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


@dataclass
class Unit:
    """One gold text unit: its text, source/split and the gold strings of each annotated type."""

    id: str
    source: str
    split: str
    paper: Paper
    gold: dict[str, set[str]]


def read_gold(path: str) -> Iterator[Unit]:
    """Units of a gold JSONL file; a malformed line is a ``FILE:LINE: reason`` error."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                gold = {GOLD_TYPES[k]: {normalise(s) for s in row[k]} - {""} for k in row["annotated"]}
                paper = Paper(title=row.get("title") or "", abstract=row.get("abstract") or "")
                yield Unit(row["id"], row.get("source", "gold"), row.get("split", ""), paper, gold)
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(path, number, f"not a gold unit ({exc.__class__.__name__}: {exc})") from None


def lenient_matches(gold: set[str], predicted: set[str]) -> int:
    """How many gold strings pair one-to-one with an overlapping predicted string."""
    unused = sorted(predicted)
    matched = 0
    for g in sorted(gold):
        g_tokens = set(g.split())
        for p in unused:
            p_tokens = set(p.split())
            overlap = len(g_tokens & p_tokens)
            if overlap and (overlap / len(g_tokens | p_tokens) >= 0.5 or g_tokens <= p_tokens or p_tokens <= g_tokens):
                unused.remove(p)
                matched += 1
                break
    return matched


class Scores:
    """True-positive, predicted and gold counts per (mode, group, type)."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0])

    def add(self, groups: Iterable[str], type_: str, gold: set[str], predicted: set[str]) -> None:
        hits = {"strict": len(gold & predicted), "lenient": lenient_matches(gold, predicted)}
        for mode, tp in hits.items():
            for group in groups:
                row = self.counts[(mode, group, type_)]
                row[0] += tp
                row[1] += len(predicted)
                row[2] += len(gold)

    def table(self) -> dict:
        """``{mode: {group: {type: {precision, recall, f1, tp, predicted, gold}}}}``."""
        out: dict = {}
        for (mode, group, type_), (tp, predicted, gold) in sorted(self.counts.items()):
            p = tp / predicted if predicted else 0.0
            r = tp / gold if gold else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            out.setdefault(mode, {}).setdefault(group, {})[type_] = {
                "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
                "tp": tp, "predicted": predicted, "gold": gold}
        return out


def evaluate(path: str, workers: int = 1) -> dict:
    """Run the extractor over every gold unit and score it; see :meth:`Scores.table`.

    Groups are ``all``, each source, and each ``source:split``.
    """
    from kg.extraction import Extractor

    units = list(read_gold(path))
    scores = Scores()
    for unit, mentions in zip(units, Extractor().pipe([u.paper for u in units], workers=workers)):
        groups = ("all", unit.source, f"{unit.source}:{unit.split}")
        for type_, gold in unit.gold.items():
            predicted = {normalise(m.text) for m in mentions if m.type == type_} - {""}
            scores.add(groups, type_, gold, predicted)
    return scores.table()
