"""Generate a synthetic arXiv-snapshot JSONL corpus for benchmarks, from the seed abstracts.

Seed abstracts (``data/sample/*.txt``, read with ``loaders.readers``) are cut into
sentences and recombined; names in them (acronyms and CamelCase words such as
``CLIP``, ``LoRA``, ``ImageNet``) get version suffixes (``CLIP-7``) drawn from a
Zipf law, consistently within a paper, so the number of distinct entities grows
sublinearly with the corpus (Heaps' law, exponent about 0.5) instead of staying at
the seeds' few hundred. Each title starts with a made-up method name unique to
the paper (``Korvamet: <seed title>``), so titles are unique too.

Records follow the real snapshot format (``id``, ``submitter``, ``authors``,
``title``, ``comments``, ``journal-ref``, ``doi``, ``categories``, ``abstract``,
``versions``, ``update_date``, ``authors_parsed``). ``--citations FILE`` also
writes an S2ORC-metadata side file with ``outbound_citations`` (mostly to earlier
corpus papers, some to papers outside it) that merges onto the snapshot by
``arxiv_id``.

Output is deterministic for a given ``--seed`` and ``--papers`` whatever
``--workers`` is: chunk ``i`` always uses ``Random(seed, i)``.

Example::

    python bench/generate_corpus.py --papers 100000 --out /tmp/corpus-100k.jsonl
    python bench/generate_corpus.py --papers 10000 --out /tmp/c.jsonl --citations /tmp/c-s2orc.jsonl
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import random
import re
import sys
import time
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = str(REPO / "data" / "sample" / "*.txt")
CHUNK = 5000  # papers per work unit (and per Random stream)
PAPERS_PER_MONTH = 20000  # arXiv ids YYMM.NNNNN, five-digit numbers since 2015
FIRST_MONTH = (2015, 1)

# A name worth varying: an acronym or CamelCase word (two capitals, or a capital and a digit).
NAME = re.compile(r"\b[A-Z][a-z]*[A-Z0-9][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*\b")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"])")
SYLLABLES = ("ka", "lo", "mi", "ner", "vo", "ta", "sen", "ri", "pa", "dor", "lu", "zen", "qui", "ba",
             "tor", "fe", "ma", "xi", "ro", "ven", "sa", "gil", "to", "ne", "ha", "mor", "di", "cal",
             "pe", "ru", "lin", "so", "gra", "vel", "ti", "nar", "bo", "ces", "lo", "fa", "wen", "ju",
             "pra", "do", "ker", "mi", "sto", "ral", "ve", "ny", "cor", "tes", "ga", "hul", "bri", "zo",
             "mel", "an", "dra", "ko", "set", "ul", "pin", "ex")
FIRST_NAMES = ("Ada", "Alan", "Grace", "Yann", "Fei", "Geoffrey", "Yoshua", "Daphne", "Andrew", "Ilya",
               "Oriol", "Kaiming", "Ross", "Jitendra", "Percy", "Chelsea", "Sergey", "Pieter", "Jia",
               "Ashish", "Noam", "Niki", "Jakob", "Llion", "Aidan", "Lukasz", "Illia", "Mira", "Tomas",
               "Quoc", "Jeff", "Samy", "Hugo", "Joelle", "Raia", "Shakir", "Timnit", "Emily", "Kate")
CATEGORIES = ("cs.CL", "cs.CV", "cs.LG", "cs.AI", "stat.ML", "cs.IR", "cs.RO", "cs.NE", "eess.AS", "cs.SD")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
PSEUDO_SPACE = len(SYLLABLES) ** 4  # distinct made-up title names (16.7M)
PSEUDO_STRIDE = 2654435761 % PSEUDO_SPACE | 1  # odd, so i -> i*stride is a bijection mod 64**4


@dataclass
class Seeds:
    """Seed sentences and titles cut at names: even items are text, odd items are names."""

    sentences: list[list[str]]
    titles: list[list[str]]


def load_seeds(pattern: str) -> Seeds:
    """Cut every seed abstract into sentences and every sentence and title at its names."""
    from loaders.readers import read_records
    papers = [p for p in read_records(sorted(glob.glob(pattern))) if p.abstract]
    if not papers:
        raise SystemExit(f"generate_corpus: no seed abstracts in {pattern}")
    sentences = [_pieces(s) for p in papers for s in SENTENCE_END.split(p.abstract) if len(s) > 20]
    return Seeds(sentences=sentences, titles=[_pieces(p.title) for p in papers])


def _pieces(text: str) -> list[str]:
    """``"Using CLIP on X"`` -> ``["Using ", "CLIP", " on X"]`` (names at odd positions)."""
    pieces, last = [], 0
    for match in NAME.finditer(text):
        pieces += [text[last:match.start()], match.group()]
        last = match.end()
    return pieces + [text[last:]]


def zipf_version(rng: random.Random) -> int:
    """0 (the seed's own name) half the time, else k >= 1 with P(k) ~ k^-2 (Heaps exponent ~0.5)."""
    if rng.random() < 0.5:
        return 0
    return int(rng.paretovariate(1.0))


def vary(name: str, version: int) -> str:
    """``vary("VLMs", 3) == "VLM-3s"``: the version goes before a plural ``s``."""
    if version == 0:
        return name
    if len(name) > 2 and name.endswith("s") and name[-2].isupper():
        return f"{name[:-1]}-{version}s"
    return f"{name}-{version}"


def render(pieces: list[str], versions: dict[str, int], rng: random.Random) -> str:
    """Join pieces, each name with this paper's version of it."""
    out = []
    for index, piece in enumerate(pieces):
        if index % 2:
            if piece not in versions:
                versions[piece] = zipf_version(rng)
            piece = vary(piece, versions[piece])
        out.append(piece)
    return "".join(out)


def pseudo_name(i: int) -> str:
    """A made-up, pronounceable name unique to ``i`` (``i < 64**4``)."""
    n, parts = (i * PSEUDO_STRIDE) % PSEUDO_SPACE, []
    for _ in range(4):
        n, digit = divmod(n, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
    return "".join(parts[:3 + (i % 2)]).capitalize()


def arxiv_id(i: int) -> str:
    month_index, number = divmod(i, PAPERS_PER_MONTH)
    year, month = FIRST_MONTH[0] + (FIRST_MONTH[1] - 1 + month_index) // 12, (FIRST_MONTH[1] - 1 + month_index) % 12 + 1
    return f"{year % 100:02d}{month:02d}.{number + 1:05d}"


def author(rng: random.Random, pool: int) -> tuple[str, str]:
    """(first, last) from a pool of ``pool`` authors, a few of them very prolific."""
    index = rng.randrange(max(pool // 100, 1)) if rng.random() < 0.3 else rng.randrange(pool)
    return FIRST_NAMES[index % len(FIRST_NAMES)], pseudo_name(index + PSEUDO_SPACE // 2)


def record(i: int, seeds: Seeds, rng: random.Random, authors_pool: int) -> dict:
    """Paper ``i`` as an arXiv snapshot record."""
    versions: dict[str, int] = {}
    sentences = [render(rng.choice(seeds.sentences), versions, rng) for _ in range(rng.randint(3, 7))]
    title = f"{pseudo_name(i)}: {render(rng.choice(seeds.titles), versions, rng)}"
    names = [author(rng, authors_pool) for _ in range(rng.randint(1, 8))]
    identifier = arxiv_id(i)
    year, month = 2000 + int(identifier[:2]), int(identifier[2:4])
    day = rng.randint(1, 28)
    created = f"{WEEKDAYS[(year + month + day) % 7]}, {day} {MONTHS[month - 1]} {year} {rng.randint(0, 23):02d}:00:00 GMT"
    return {
        "id": identifier,
        "submitter": " ".join(names[0]),
        "authors": ", ".join(" ".join(name) for name in names),
        "title": title,
        "comments": f"{rng.randint(4, 40)} pages",
        "journal-ref": None,
        "doi": f"10.5555/kg-bench.{i}" if rng.random() < 0.3 else None,
        "report-no": None,
        "categories": " ".join(rng.sample(CATEGORIES, rng.randint(1, 3))),
        "license": None,
        "abstract": "  " + " ".join(sentences) + "\n",
        "versions": [{"version": "v1", "created": created}],
        "update_date": f"{year}-{month:02d}-{day:02d}",
        "authors_parsed": [[last, first, ""] for first, last in names],
    }


def citation_record(i: int, title: str, rng: random.Random) -> dict:
    """Paper ``i`` as S2ORC metadata: ~10 references, most to earlier corpus papers."""
    cited = {f"s2-{rng.randrange(i)}" if i and rng.random() < 0.8 else f"ext-{rng.randrange(10 * (i + 1))}"
             for _ in range(rng.randint(0, 20))}
    return {"paper_id": f"s2-{i}", "title": title, "arxiv_id": arxiv_id(i), "outbound_citations": sorted(cited)}


def make_chunk(task: tuple) -> tuple[str, str]:
    """The JSONL text of papers ``start..stop`` (and of their citation records)."""
    start, stop, seed, seeds, authors_pool, citations = task
    rng = random.Random(f"{seed}:{start}")
    papers, refs = [], []
    for i in range(start, stop):
        paper = record(i, seeds, rng, authors_pool)
        papers.append(json.dumps(paper, ensure_ascii=False) + "\n")
        if citations:
            refs.append(json.dumps(citation_record(i, paper["title"], rng), ensure_ascii=False) + "\n")
    return "".join(papers), "".join(refs)


def generate(papers: int, out: str, seed: int = 0, seeds_pattern: str = DEFAULT_SEEDS,
             citations: str | None = None, workers: int = os.cpu_count() or 1) -> None:
    """Write ``papers`` records to ``out`` (and citation records to ``citations``)."""
    seeds = load_seeds(seeds_pattern)
    authors_pool = max(papers // 2, 100)
    tasks = [(start, min(start + CHUNK, papers), seed, seeds, authors_pool, bool(citations))
             for start in range(0, papers, CHUNK)]
    with open(out, "w", encoding="utf-8") as papers_file, \
            open(citations or os.devnull, "w", encoding="utf-8") as refs_file, Pool(workers) as pool:
        for papers_text, refs_text in pool.imap(make_chunk, tasks):
            papers_file.write(papers_text)
            refs_file.write(refs_text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, required=True, help="number of papers to write")
    parser.add_argument("--out", required=True, help="JSONL file to write (arXiv snapshot format)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--seeds", default=DEFAULT_SEEDS, help="glob of seed files (default data/sample/*.txt)")
    parser.add_argument("--citations", metavar="FILE", help="also write S2ORC citation records to FILE")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes (default: cores)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    generate(args.papers, args.out, args.seed, args.seeds, args.citations, args.workers)
    print(f"wrote {args.papers} papers to {args.out} in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
