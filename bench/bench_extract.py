"""Extraction throughput next to spaCy's bare tokenizer, on >= 20,000 recombined seed abstracts.

Each synthetic abstract takes its sentences from different seed abstracts (round-robin
with a seeded shuffle), so the texts are unique but read like real ones.

Usage::

    .venv/bin/python bench/bench_extract.py [--abstracts 20000] [--repeats 3]

Prints abstracts/s (median of repeats) for: the bare ``spacy.blank("en")`` tokenizer,
extraction on one core, and extraction with 2 worker processes, plus the ratios.
"""
from __future__ import annotations

import argparse
import glob
import os
import random
import re
import statistics
import time

import spacy

from kg.extraction import Extractor
from kg.model import Paper
from loaders.readers import read_records

SEEDS = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "seeds", "*.txt")


def recombined_abstracts(count: int, seed: int = 7) -> list[str]:
    """``count`` unique texts, each built from sentences of several different seed abstracts."""
    abstracts = [p.abstract for p in read_records(sorted(glob.glob(SEEDS))) if p.abstract]
    sentences = [re.split(r"(?<=[.!?])\s+", a) for a in abstracts]
    rng = random.Random(seed)
    texts, seen = [], set()
    while len(texts) < count:
        picks = rng.sample(range(len(sentences)), 6)
        text = " ".join(rng.choice(sentences[i]) for i in picks)
        if text not in seen:
            seen.add(text)
            texts.append(text)
    return texts


def rate(run, n: int, repeats: int) -> float:
    """Median items per second over ``repeats`` runs."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return n / statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--abstracts", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    texts = recombined_abstracts(args.abstracts)
    papers = [Paper(title="", abstract=t) for t in texts]
    tokenizer = spacy.blank("en").tokenizer
    extractor = Extractor()
    list(extractor.pipe(papers[:500]))  # warm caches
    for _ in tokenizer.pipe(texts[:500]):
        pass

    def tokenize():
        for _ in tokenizer.pipe(texts, batch_size=256):
            pass

    bare = rate(tokenize, len(texts), args.repeats)
    one = rate(lambda: sum(1 for _ in extractor.pipe(papers, batch_size=256)), len(texts), args.repeats)
    two = rate(lambda: sum(1 for _ in extractor.pipe(papers, batch_size=256, workers=2)), len(texts), args.repeats)
    mentions = sum(map(len, extractor.pipe(papers[:1000])))
    print(f"abstracts: {len(texts)} (mean {statistics.mean(map(len, texts)):.0f} chars), "
          f"{mentions / 1000:.1f} mentions per abstract, median of {args.repeats} repeats, {os.cpu_count()} cores")
    print(f"bare spaCy tokenizer      : {bare:9.0f} abstracts/s")
    print(f"extraction, 1 core        : {one:9.0f} abstracts/s  ({one / bare:.2f} of tokenizer speed)")
    print(f"extraction, 2 workers     : {two:9.0f} abstracts/s  ({two / one:.2f}x one core)")


if __name__ == "__main__":
    main()
