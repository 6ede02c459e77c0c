"""``kg extract`` as a whole process on arXiv-shaped text, next to spaCy's bare tokenizer on the same file.

The corpus is real abstracts (the seed pages, the Semantic Scholar response's citing papers and the
development gold's units, from ``../shared``), line-wrapped at 80 columns as the arXiv metadata
snapshot prints them, and made long-tailed: past the first copy of each abstract, about a third of
its longer words are replaced by made-up words of the same shape (``trans-former`` ->
``kovalinmer``), so the vocabulary keeps growing and neither spaCy's tokenizer cache nor the
extractor's caches see the same text twice. Each record has an id, a title and the abstract.

Every figure is a whole process (``python -c`` for the tokenizer, the installed ``kg extract`` for
extraction), timed from start to exit, median of ``--repeats``; records/s counts the records of
the file. The bare tokenizer also runs on the same text with each line break replaced by a space,
to show what spaCy's slow path on ``\\n`` costs.

Usage::

    .venv/bin/python bench/bench_extract.py [--records 20000] [--repeats 3] [--keep FILE]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import KG, REPO, machine, median, run_child, table, this_command  # noqa: E402

SHARED = REPO.parent / "shared"
WRAP = 80
_WORD = re.compile(r"\b[a-z]{6,}\b")
_SYLLABLES = ("ka", "lo", "vin", "mer", "to", "sal", "pre", "dun", "qua", "ri", "ven", "th", "ol", "ex", "ma", "ni")
TOKENIZE = """
import json, sys, spacy
nlp = spacy.blank("en")
breaks = str.maketrans("\\n", " ")
texts = (json.loads(line)["abstract"] for line in open(sys.argv[1], encoding="utf-8"))
if sys.argv[2] == "spaces":
    texts = (t.translate(breaks) for t in texts)
for _ in nlp.tokenizer.pipe(texts, batch_size=256):
    pass
"""


def real_abstracts() -> list[str]:
    """Abstracts and gold units from ``../shared`` (about 3,100 distinct texts)."""
    texts = []
    for line in (SHARED / "eval-dev" / "gold-dev.jsonl").read_text(encoding="utf-8").splitlines():
        texts.append(json.loads(line).get("abstract") or "")
    response = json.loads((SHARED / "formats" / "semantic-scholar" / "Paper.json").read_text(encoding="utf-8"))
    texts += [paper.get("abstract") or "" for paper in response["citations"]]
    sys.path.insert(0, str(REPO))
    from loaders.readers import read_records
    texts += [p.abstract for p in read_records(sorted(str(p) for p in (SHARED / "seeds").glob("*.txt")))]
    return sorted({" ".join(t.split()) for t in texts if len(t) > 200})


def made_up_word(rng: random.Random, length: int) -> str:
    word = ""
    while len(word) < length:
        word += rng.choice(_SYLLABLES)
    return word


def long_tail(text: str, rng: random.Random) -> str:
    """About a third of the longer lower-case words replaced by made-up words of similar length."""
    return _WORD.sub(lambda m: made_up_word(rng, len(m[0])) if rng.random() < 0.33 else m[0], text)


def write_corpus(path: str, count: int, seed: int = 13) -> int:
    """``count`` records, line-wrapped like the arXiv snapshot; returns the total characters."""
    abstracts, rng, chars = real_abstracts(), random.Random(seed), 0
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(count):
            text = abstracts[i % len(abstracts)]
            if i >= len(abstracts):
                text = long_tail(text, rng)
            wrapped = "\n".join(textwrap.wrap(text, WRAP))
            title = " ".join(text.split()[:8]).rstrip(".,;:")
            handle.write(json.dumps({"id": f"r{i}", "title": title, "abstract": wrapped}) + "\n")
            chars += len(wrapped)
    return chars


def rate(command: list[str], records: int, repeats: int) -> tuple[float, float]:
    """Median records/s and the largest peak RSS (MiB) of ``repeats`` whole-process runs."""
    runs = [run_child(command) for _ in range(repeats)]
    if any(run.returncode for run in runs):
        raise SystemExit(f"failed: {' '.join(command)}")
    return records / median([run.seconds for run in runs]), max(run.max_rss_mib for run in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--keep", metavar="FILE", help="write the corpus here (default: a temporary file)")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="kg-bench-extract-")
    corpus = args.keep or os.path.join(folder, "corpus.jsonl")
    chars = write_corpus(corpus, args.records)
    out = os.path.join(folder, "mentions.jsonl")
    python = sys.executable
    rows = []
    for label, command in (
            ("bare tokenizer, line breaks kept", [python, "-c", TOKENIZE, corpus, "breaks"]),
            ("bare tokenizer, line breaks as spaces", [python, "-c", TOKENIZE, corpus, "spaces"]),
            ("kg extract, 1 worker", [KG, "extract", corpus, "--output", out, "--quiet", "--workers", "1"]),
            ("kg extract, 2 workers", [KG, "extract", corpus, "--output", out, "--quiet", "--workers", "2"])):
        per_second, rss = rate(command, args.records, args.repeats)
        rows.append({"process": label, "records/s": f"{per_second:,.0f}", "peak RSS MiB": f"{rss:,.0f}"})
    base = float(rows[1]["records/s"].replace(",", ""))
    for row in rows:
        row["vs tokenizer (spaces)"] = f"{float(row['records/s'].replace(',', '')) / base:.2f}"
    print(machine())
    print(f"{args.records} records, {chars / args.records:.0f} characters of abstract each, wrapped at {WRAP} "
          f"columns; whole processes, median of {args.repeats}")
    print(table(rows))
    print(this_command())


if __name__ == "__main__":
    main()
