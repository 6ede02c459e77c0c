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
to show what spaCy's slow path on ``\\n`` costs. A second corpus holds the real abstracts alone, each
once (about 2,100 records, so start-up weighs more). ``kg extract`` of one record is its start-up
(imports, the pipeline, the data files); "after start-up" is the records over the time beyond it.

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
            wrapped = "\n".join(textwrap.wrap(text, WRAP, break_on_hyphens=False))  # arXiv wraps at spaces only
            title = " ".join(text.split()[:8]).rstrip(".,;:")
            handle.write(json.dumps({"id": f"r{i}", "title": title, "abstract": wrapped}) + "\n")
            chars += len(wrapped)
    return chars


def rate(command: list[str], repeats: int) -> tuple[float, float]:
    """Median seconds and the largest peak RSS (MiB) of ``repeats`` whole-process runs."""
    runs = [run_child(command) for _ in range(repeats)]
    if any(run.returncode for run in runs):
        raise SystemExit(f"failed: {' '.join(command)}")
    return median([run.seconds for run in runs]), max(run.max_rss_mib for run in runs)


def processes(corpus: str, out: str, workers: tuple[int, ...]) -> list[tuple[str, list[str]]]:
    """The bare tokenizer, with line breaks and without, and ``kg extract`` with each number of workers."""
    python = sys.executable
    extract = [KG, "extract", corpus, "--output", out, "--quiet", "--workers"]
    return [("bare tokenizer, line breaks kept", [python, "-c", TOKENIZE, corpus, "breaks"]),
            ("bare tokenizer, line breaks as spaces", [python, "-c", TOKENIZE, corpus, "spaces"]),
            *((f"kg extract, {n} worker{'s' if n > 1 else ''}", extract + [str(n)]) for n in workers)]


def corpus_rows(name: str, corpus: str, records: int, out: str, workers: tuple[int, ...], repeats: int,
                startup: float) -> list[dict]:
    """A row per process on ``corpus``, each against the bare tokenizer on the same file, line breaks as spaces."""
    rows, base = [], None
    for label, command in processes(corpus, out, workers):
        seconds, rss = rate(command, repeats)
        base = base or (records / seconds if "spaces" in label else None)
        after = f"{records / (seconds - startup):,.0f}" if label.startswith("kg") and seconds > startup else ""
        rows.append({"corpus": name, "process": label, "seconds": f"{seconds:.2f}",
                     "records/s": f"{records / seconds:,.0f}", "after start-up": after, "peak RSS MiB": f"{rss:,.0f}",
                     "_rate": records / seconds})
    for row in rows:
        row["vs tokenizer (spaces)"] = f"{row.pop('_rate') / base:.2f}" if base else ""
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--keep", metavar="FILE", help="write the long-tail corpus here (default: a temporary file)")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="kg-bench-extract-")
    corpus, real, one = args.keep or os.path.join(folder, "corpus.jsonl"), *(os.path.join(folder, f) for f in (
        "real.jsonl", "one.jsonl"))
    chars = write_corpus(corpus, args.records)
    real_records = len(real_abstracts())
    write_corpus(real, real_records)
    write_corpus(one, 1)
    out = os.path.join(folder, "mentions.jsonl")
    print(machine())
    startup, _ = rate([KG, "extract", one, "--output", out, "--quiet"], args.repeats)
    rows = corpus_rows("long-tail", corpus, args.records, out, (1, 2), args.repeats, startup)
    rows += corpus_rows("real abstracts", real, real_records, out, (1,), args.repeats, startup)
    print(f"long-tail: {args.records} records, {chars / args.records:.0f} characters of abstract each; real abstracts: "
          f"{real_records} records, each once; wrapped at {WRAP} columns; whole processes, median of {args.repeats}; "
          f"kg extract of one record (start-up) {startup:.2f} s; load average {os.getloadavg()[0]:.2f} at the end")
    print(table(rows))
    print(this_command())


if __name__ == "__main__":
    main()
