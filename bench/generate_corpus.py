"""Generate a synthetic arXiv-snapshot JSONL corpus for benchmarks, shaped like the real snapshot.

Sentence structures come from every real abstract available: the seed pages
(``data/sample/*.txt``, read with ``loaders.readers``) and, when ``../shared`` is
beside the checkout, the Semantic Scholar response's citing papers
(``formats/semantic-scholar/Paper.json``, ~770 abstracts) and the development gold
(``eval-dev/gold-dev.jsonl``, 400 SciERC abstracts and 1,523 TDMSci sentences):
about 13,000 sentences. Each sentence is compiled once into a template whose
content words (longer lower-case words) and names (acronyms and CamelCase words
such as ``CLIP``, ``LoRA``, ``ImageNet``) are slots:

* a content word is kept, or (``WORD_SHARE`` of the time) replaced by a made-up
  word of rank ``k`` in an unbounded lexicon, ``k`` drawn from a Zipf (Pareto)
  law, with the original's ending (``transformers`` -> ``nypleers``,
  ``normalization`` -> ``vengaization``): frequent made-up words recur, rare
  ones keep appearing, so the number of distinct words grows like real text
  (Heaps' law) instead of saturating at the sources' vocabulary, and spaCy's
  tokenizer cache sees about as many new strings as on real text;
* a name is kept (``KEEP_NAME`` of the time) or replaced, consistently within a
  paper, by a made-up name of the same shape (``CLIP`` -> ``DDES``,
  ``ImageNet`` -> ``NypleNet``, ``GPT-4`` -> ``PPU-4``), its rank also drawn from
  a Zipf law: a long tail of entities, a few of them in many papers.

Abstracts are wrapped as the snapshot prints them: two leading spaces, lines of
at most 80 columns joined by a single ``\\n``, a trailing ``\\n``, now and then a
paragraph break (``\\n  ``); long titles wrap with ``\\n  ``. Ids are ``YYMM.NNNNN``
from January 2015, ``PAPERS_PER_MONTH`` a month, so 2.5M papers span 2015-2025;
``versions`` (v1 in the id's month, sometimes v2, v3 later) and ``update_date``
(the last version's day) agree with the id. Each title starts with a made-up
method name unique to the paper (``Korvamet: <title>``), so titles are unique.

Records carry every snapshot field (``id``, ``submitter``, ``authors``, ``title``,
``comments``, ``journal-ref``, ``doi``, ``report-no``, ``categories``, ``license``,
``abstract``, ``versions``, ``update_date``, ``authors_parsed``). ``--citations
FILE`` also writes an S2ORC-metadata side file with ``outbound_citations`` (mostly
to earlier corpus papers, recent ones more often, some to papers outside it) that
merges onto the snapshot by ``arxiv_id``.

Output is deterministic for a given ``--seed`` and ``--papers`` whatever
``--workers`` is: chunk ``i`` always uses ``Random(seed, i)`` and made-up words
and names are pure functions of their rank.

``--measure FILE...`` prints, for existing corpora, the distinct words at
``--at`` record counts and spaCy's bare tokenizer throughput (whole process,
median of ``--repeat``).

Example::

    python bench/generate_corpus.py --papers 100000 --out /tmp/corpus-100k.jsonl
    python bench/generate_corpus.py --papers 10000 --out /tmp/c.jsonl --citations /tmp/c-s2orc.jsonl
    python bench/generate_corpus.py --measure /tmp/old-100k.jsonl /tmp/corpus-100k.jsonl --at 10000 100000
"""
from __future__ import annotations

import argparse
import datetime
import glob
import json
import math
import os
import random
import re
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from multiprocessing import Pool
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = str(REPO / "data" / "sample" / "*.txt")
DEFAULT_SHARED = str(REPO.parent / "shared")
CHUNK = 5000  # papers per work unit (and per Random stream)
PAPERS_PER_MONTH = 20000  # arXiv ids YYMM.NNNNN, five-digit numbers since 2015
FIRST_MONTH = (2015, 1)
WIDTH = 80  # the snapshot's abstract lines, the two-space indent of the first included
TITLE_WIDTH = 72

WORD_SHARE = 0.15  # content words replaced by made-up ones
WORD_ALPHA = 0.6  # Pareto tail of made-up word ranks: P(rank > r) ~ (1 + r / WORD_SCALE) ** -alpha
WORD_SCALE = 100
KEEP_NAME = 0.4  # names kept as the source wrote them
NAME_ALPHA = 0.6
NAME_SCALE = 5
PARAGRAPH = 0.04  # chance of a paragraph break before a sentence

# A name worth varying: an acronym or CamelCase word (two capitals, or a capital and a digit).
NAME = re.compile(r"\b[A-Z][a-z]*[A-Z0-9][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*\b")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:['’-][A-Za-z0-9]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"])")
STOPWORDS = frozenset("""about above across after again against along also although among another
because been before being below between both cannot could does doing down during each either
every from further have having here however into itself many more most much must neither other
otherwise over same several should since some such than that their them themselves then there
these they this those though through thus under until upon very were what when where whether
which while whose will with within without would your therefore hence first second third well
only often based using used show shows shown paper propose proposed present approach""".split())
SUFFIXES = ("izations", "ization", "isation", "ations", "ation", "ments", "ment", "nesses", "ness",
            "ities", "ity", "ings", "ing", "ers", "er", "ied", "ies", "ed", "es", "ally", "ly",
            "ives", "ive", "als", "al", "ous", "ics", "ic", "able", "ible", "ists", "ist", "ors", "s")
# 64 distinct syllables: a made-up stem is a number in base 64.
SYLLABLES = ("ka", "lo", "mi", "ner", "vo", "ta", "sen", "ri", "pa", "dor", "lu", "zen", "qui", "ba",
             "tor", "fe", "ma", "xi", "ro", "ven", "sa", "gil", "to", "ne", "ha", "mor", "di", "cal",
             "pe", "ru", "lin", "so", "gra", "vel", "ti", "nar", "bo", "ces", "ple", "fa", "wen", "ju",
             "pra", "do", "ker", "mu", "sto", "ral", "ve", "ny", "cor", "tes", "ga", "hul", "bri", "zo",
             "mel", "an", "dra", "ko", "set", "ul", "pin", "ex")
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
HASH = 2654435761  # a prime: coprime to every power of 26 and 64, so rank -> rank*HASH is a bijection
FIRST_NAMES = ("Ada", "Alan", "Grace", "Yann", "Fei", "Geoffrey", "Yoshua", "Daphne", "Andrew", "Ilya",
               "Oriol", "Kaiming", "Ross", "Jitendra", "Percy", "Chelsea", "Sergey", "Pieter", "Jia",
               "Ashish", "Noam", "Niki", "Jakob", "Llion", "Aidan", "Lukasz", "Illia", "Mira", "Tomas",
               "Quoc", "Jeff", "Samy", "Hugo", "Joelle", "Raia", "Shakir", "Timnit", "Emily", "Kate")
CATEGORIES = ("cs.CL", "cs.CV", "cs.LG", "cs.AI", "stat.ML", "cs.IR", "cs.RO", "cs.NE", "eess.AS", "cs.SD")
LICENSES = (None, None, "http://arxiv.org/licenses/nonexclusive-distrib/1.0/",
            "http://creativecommons.org/licenses/by/4.0/", "http://creativecommons.org/licenses/by-sa/4.0/")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
PSEUDO_SPACE = len(SYLLABLES) ** 4  # distinct made-up title names (16.7M)
PSEUDO_STRIDE = 2654435761 % PSEUDO_SPACE | 1  # odd, so i -> i*stride is a bijection mod 64**4

# Template slots: literal text, a content word (lower case / capitalised), a name.
LITERAL, LOWER, CAPITAL, ENTITY = 0, 1, 2, 3


@dataclass
class Seeds:
    """Compiled sentences and titles: tuples of (slot kind, text) pieces."""

    sentences: list[tuple]
    titles: list[tuple]
    abstracts: int = 0


def real_texts(seeds_pattern: str, shared: str | None) -> tuple[list[str], list[str]]:
    """(abstracts or sentences, titles) of the seed pages and, if present, of ``shared``."""
    from loaders.readers import read_records
    papers = [p for p in read_records(sorted(glob.glob(seeds_pattern))) if p.abstract]
    if not papers:
        raise SystemExit(f"generate_corpus: no seed abstracts in {seeds_pattern}")
    texts, titles = [p.abstract for p in papers], [p.title for p in papers]
    root = Path(shared) if shared else None
    if root and (root / "formats" / "semantic-scholar" / "Paper.json").is_file():
        response = json.loads((root / "formats" / "semantic-scholar" / "Paper.json").read_text(encoding="utf-8"))
        for paper in [response, *response.get("citations", []), *response.get("references", [])]:
            if paper.get("abstract"):
                texts.append(paper["abstract"])
            if paper.get("title"):
                titles.append(paper["title"])
    if root and (root / "eval-dev" / "gold-dev.jsonl").is_file():
        with open(root / "eval-dev" / "gold-dev.jsonl", encoding="utf-8") as handle:
            for line in handle:
                unit = json.loads(line)
                texts.append(unit.get("abstract") or "")
                if unit.get("title"):
                    titles.append(unit["title"])
    texts = sorted({" ".join(t.split()) for t in texts if len(t) > 40})
    titles = sorted({" ".join(t.split()) for t in titles if 10 < len(t) < 200})
    return texts, titles


def load_seeds(pattern: str = DEFAULT_SEEDS, shared: str | None = DEFAULT_SHARED) -> Seeds:
    """Cut every real abstract into sentences and compile each sentence and title into a template."""
    texts, titles = real_texts(pattern, shared)
    sentences = sorted({s for text in texts for s in SENTENCE_END.split(text) if 20 < len(s) < 600})
    return Seeds(sentences=[compile_template(s) for s in sentences],
                 titles=[compile_template(t) for t in titles], abstracts=len(texts))


def compile_template(text: str) -> tuple:
    """A sentence as slots: ``"Using CLIP on images."`` ->
    ``((0, "Using "), (3, "CLIP"), (0, " on "), (1, "images", "s", "images"), (0, "."))``."""
    pieces: list[tuple[int, str]] = []
    literal, last = [], 0
    for match in WORD.finditer(text):
        word = match.group()
        literal.append(text[last:match.start()])
        last = match.end()
        if NAME.fullmatch(word):
            kind = ENTITY
        elif len(word) >= 5 and word.isalpha() and word.lower() not in STOPWORDS and (
                word.islower() or (word[0].isupper() and word[1:].islower())):
            kind = LOWER if word.islower() else CAPITAL
        else:
            literal.append(word)
            continue
        pieces.append((LITERAL, "".join(literal)))
        if kind == ENTITY:
            pieces.append((ENTITY, word))
        else:  # (kind, lower case, ending kept by a made-up replacement, as written)
            pieces.append((kind, word.lower(), suffix_of(word.lower()), word))
        literal = []
    literal.append(text[last:])
    pieces.append((LITERAL, "".join(literal)))
    return tuple(piece for piece in pieces if piece != (LITERAL, ""))


def zipf_rank(rng: random.Random, alpha: float, scale: float) -> int:
    """A rank >= 0 with P(rank > r) = (1 + r / scale) ** -alpha: a few ranks very often, a long tail."""
    return int(scale * ((1.0 - rng.random()) ** (-1.0 / alpha) - 1.0))


_WORD_EXPONENT = -1.0 / WORD_ALPHA


def _digits(n: int, base: int, count: int) -> list[int]:
    out = []
    for _ in range(count):
        n, digit = divmod(n, base)
        out.append(digit)
    return out


def _banded(rank: int, base: int, length: int) -> list[int]:
    """Rank -> digits, unique per rank: the first ``base**length`` ranks get ``length`` digits, the next
    ``base**(length+1)`` one more, and so on (up to 8), neighbouring ranks spread over the digits."""
    while rank >= base ** length and length < 8:
        rank -= base ** length
        length += 1
    return _digits(((rank + 1) * HASH) % base ** length, base, length)


@lru_cache(maxsize=1 << 16)
def stem(rank: int) -> str:
    """The made-up stem of ``rank``: 2 syllables for the 4,096 most frequent ranks, then 3, 4, ..."""
    return "".join(SYLLABLES[d] for d in _banded(rank, len(SYLLABLES), 2))


def suffix_of(word: str) -> str:
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return suffix
    return ""


def made_up_word(rank: int, original: str) -> str:
    """``made_up_word(5, "transformers")`` -> the stem of rank 5 with the ending ``ers``."""
    return stem(rank) + suffix_of(original)


@lru_cache(maxsize=1 << 14)
def made_up_name(rank: int, original: str) -> str:
    """A made-up name shaped like ``original``: ``CLIP`` -> ``DDES``, ``ImageNet`` -> ``NypleNet``, ``GPT-4`` -> ``PPU-4``."""
    core, dash, tail = original.partition("-")
    tail = dash + tail
    plural = len(core) > 2 and core.endswith("s") and core[-2].isupper()
    if plural:
        core = core[:-1]
    letters = sum(c.isalpha() for c in core)
    if letters == sum(c.isupper() for c in core):  # an acronym (CLIP, CIFAR10): made-up capitals
        new = "".join(LETTERS[d] for d in _banded(rank, len(LETTERS), min(max(letters, 2), 6)))
        new += "".join(c for c in core if c.isdigit())
    else:  # CamelCase: a made-up stem and the original's last capitalised part (Net, Former, BERTa)
        match = re.search(r"[A-Z]+[a-z0-9]*$", core)
        ending = match.group() if match and match.start() > 0 else "Net"
        new = stem(rank).capitalize() + ending
    return new + ("s" if plural else "") + tail


def pseudo_name(i: int) -> str:
    """A made-up, pronounceable name unique to ``i`` (``i < 64**4``)."""
    n = (i * PSEUDO_STRIDE) % PSEUDO_SPACE
    parts = [SYLLABLES[d] for d in _digits(n, len(SYLLABLES), 4)]
    return "".join(parts[:3 + (i % 2)]).capitalize()


def render(template: tuple, names: dict[str, str], rng: random.Random) -> str:
    """A template's text with this paper's names and some content words made up."""
    out = []
    append, random_ = out.append, rng.random
    for piece in template:
        kind = piece[0]
        if kind == LITERAL:
            append(piece[1])
        elif kind == ENTITY:
            name = names.get(piece[1])
            if name is None:
                name = piece[1] if random_() < KEEP_NAME else made_up_name(zipf_rank(rng, NAME_ALPHA, NAME_SCALE),
                                                                            piece[1])
                names[piece[1]] = name
            append(name)
        elif random_() < WORD_SHARE:
            # zipf_rank inlined (this loop is most of the generator's time)
            word = stem(int(WORD_SCALE * ((1.0 - random_()) ** _WORD_EXPONENT - 1.0))) + piece[2]
            append(word if kind == LOWER else word.capitalize())
        else:
            append(piece[3])
    return "".join(out)


def wrap_abstract(sentences: list[str], breaks: list[bool]) -> str:
    """The snapshot's layout: ``"  First line...\\nnext line...\\n"``, lines of at most ``WIDTH`` columns.

    Each paragraph (the first, and a sentence whose ``breaks`` flag is set) starts with two spaces.
    Sentences have single spaces between words (the sources' whitespace is collapsed).
    """
    lines: list[str] = []
    paragraph: list[str] = []
    for sentence, new_paragraph in zip(sentences, breaks):
        if new_paragraph and paragraph:
            _wrap_paragraph(" ".join(paragraph), lines)
            paragraph = []
        paragraph.append(sentence)
    _wrap_paragraph(" ".join(paragraph), lines)
    return "\n".join(lines) + "\n"


def _wrap_paragraph(text: str, lines: list[str]) -> None:
    start, width, prefix, end = 0, WIDTH - 2, "  ", len(text)
    while end - start > width:
        cut = text.rfind(" ", start, start + width + 1)
        if cut <= start:  # a word longer than a line: it gets a line of its own
            cut = text.find(" ", start + width)
            if cut < 0:
                break
        lines.append(prefix + text[start:cut])
        start, width, prefix = cut + 1, WIDTH, ""
    lines.append(prefix + text[start:])


def wrap_title(title: str) -> str:
    """Long titles wrap like the snapshot's: ``"A long title\\n  continued"``."""
    if len(title) <= TITLE_WIDTH:
        return title
    cut = title.rfind(" ", 0, TITLE_WIDTH)
    if cut <= 0:
        return title
    return title[:cut] + "\n  " + wrap_title(title[cut + 1:])


def arxiv_id(i: int) -> str:
    year, month = id_month(i)
    return f"{year % 100:02d}{month:02d}.{i % PAPERS_PER_MONTH + 1:05d}"


def id_month(i: int) -> tuple[int, int]:
    month_index = FIRST_MONTH[1] - 1 + i // PAPERS_PER_MONTH
    return FIRST_MONTH[0] + month_index // 12, month_index % 12 + 1


def rfc2822(moment: datetime.datetime) -> str:
    """``Mon, 2 Apr 2007 19:18:42 GMT`` (the snapshot's ``created``)."""
    return (f"{WEEKDAYS[moment.weekday()]}, {moment.day} {MONTHS[moment.month - 1]} {moment.year} "
            f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d} GMT")


def versions(i: int, rng: random.Random) -> tuple[list[dict], str]:
    """v1 in the id's month, sometimes later versions; and ``update_date`` (the last version's day)."""
    year, month = id_month(i)
    moment = datetime.datetime(year, month, rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59),
                               rng.randint(0, 59))
    out = [{"version": "v1", "created": rfc2822(moment)}]
    while len(out) < 5 and rng.random() < (0.35 if len(out) == 1 else 0.3):
        moment += datetime.timedelta(days=rng.randint(1, 300), seconds=rng.randint(0, 86399))
        out.append({"version": f"v{len(out) + 1}", "created": rfc2822(moment)})
    return out, moment.date().isoformat()


def author(rng: random.Random, pool: int) -> tuple[str, str]:
    """(first, last) from a pool of ``pool`` authors, a few of them very prolific."""
    index = rng.randrange(max(pool // 100, 1)) if rng.random() < 0.3 else rng.randrange(pool)
    return FIRST_NAMES[index % len(FIRST_NAMES)], pseudo_name(index + PSEUDO_SPACE // 2)


def record(i: int, seeds: Seeds, rng: random.Random, authors_pool: int) -> dict:
    """Paper ``i`` as an arXiv snapshot record."""
    names: dict[str, str] = {}
    count = rng.randint(4, 9)
    sentences = [render(rng.choice(seeds.sentences), names, rng) for _ in range(count)]
    breaks = [False] + [rng.random() < PARAGRAPH for _ in range(count - 1)]
    title = f"{pseudo_name(i)}: {render(rng.choice(seeds.titles), names, rng)}"
    people = [author(rng, authors_pool) for _ in range(rng.randint(1, 8))]
    listed = [" ".join(name) for name in people]
    if len(listed) > 1 and rng.random() < 0.5:
        listed[-2:] = [f"{listed[-2]} and {listed[-1]}"]
    history, updated = versions(i, rng)
    pages = rng.randint(4, 40)
    return {
        "id": arxiv_id(i),
        "submitter": " ".join(people[0]),
        "authors": ", ".join(listed),
        "title": wrap_title(title),
        "comments": f"{pages} pages, {rng.randint(1, 12)} figures" if rng.random() < 0.6 else
                    (f"{pages} pages" if rng.random() < 0.7 else None),
        "journal-ref": None,
        "doi": f"10.5555/kg-bench.{i}" if rng.random() < 0.3 else None,
        "report-no": None,
        "categories": " ".join(rng.sample(CATEGORIES, rng.randint(1, 3))),
        "license": rng.choice(LICENSES),
        "abstract": wrap_abstract(sentences, breaks),
        "versions": history,
        "update_date": updated,
        "authors_parsed": [[last, first, ""] for first, last in people],
    }


def citation_record(i: int, title: str, rng: random.Random) -> dict:
    """Paper ``i`` as S2ORC metadata: ~10 references, most to earlier corpus papers, recent ones more often."""
    cited = set()
    for _ in range(rng.randint(0, 20)):
        if i and rng.random() < 0.8:
            back = int(rng.paretovariate(0.5) * 200) - 199  # P(cited k papers back) falls off slowly
            cited.add(f"s2-{i - back if 0 < back <= i else rng.randrange(i)}")
        else:
            cited.add(f"ext-{rng.randrange(10 * (i + 1))}")
    return {"paper_id": f"s2-{i}", "title": " ".join(title.split()), "arxiv_id": arxiv_id(i),
            "outbound_citations": sorted(cited)}


_SEEDS: Seeds | None = None


def _install(seeds: Seeds) -> None:
    """Pool initializer: the compiled templates, sent once per worker rather than with every chunk."""
    global _SEEDS
    _SEEDS = seeds


def make_chunk(task: tuple) -> tuple[str, str]:
    """The JSONL text of papers ``start..stop`` (and of their citation records)."""
    start, stop, seed, authors_pool, citations = task
    rng = random.Random(f"{seed}:{start}")
    papers, refs = [], []
    for i in range(start, stop):
        paper = record(i, _SEEDS, rng, authors_pool)
        papers.append(json.dumps(paper, ensure_ascii=False) + "\n")
        if citations:
            refs.append(json.dumps(citation_record(i, paper["title"], rng), ensure_ascii=False) + "\n")
    return "".join(papers), "".join(refs)


def generate(papers: int, out: str, seed: int = 0, seeds_pattern: str = DEFAULT_SEEDS,
             citations: str | None = None, workers: int = os.cpu_count() or 1,
             shared: str | None = DEFAULT_SHARED) -> Seeds:
    """Write ``papers`` records to ``out`` (and citation records to ``citations``); returns the templates used."""
    seeds = load_seeds(seeds_pattern, shared)
    authors_pool = max(papers // 2, 100)
    tasks = [(start, min(start + CHUNK, papers), seed, authors_pool, bool(citations))
             for start in range(0, papers, CHUNK)]
    with open(out, "w", encoding="utf-8") as papers_file, \
            open(citations or os.devnull, "w", encoding="utf-8") as refs_file, \
            Pool(workers, initializer=_install, initargs=(seeds,)) as pool:
        for papers_text, refs_text in pool.imap(make_chunk, tasks):
            papers_file.write(papers_text)
            refs_file.write(refs_text)
    return seeds


# --- measuring a corpus -------------------------------------------------------------------------

def distinct_words(path: str, at: list[int]) -> dict[int, int]:
    """Distinct lower-cased words of the abstracts among the first ``n`` records, for each ``n`` in ``at``.

    Titles are left out: each starts with a name made up for that paper alone.
    """
    seen: set[str] = set()
    counts, wanted = {}, sorted(at)
    with open(path, encoding="utf-8") as handle:
        for index, line in enumerate(handle, 1):
            paper = json.loads(line)
            seen.update(w.lower() for w in WORD.findall(paper.get("abstract") or ""))
            if index in wanted:
                counts[index] = len(seen)
                if index == wanted[-1]:
                    break
    return counts


TOKENIZE = """
import json, sys, spacy
nlp = spacy.blank("en")
texts = (json.loads(line)["abstract"] for line in open(sys.argv[1], encoding="utf-8"))
for _ in nlp.tokenizer.pipe(texts, batch_size=256):
    pass
"""


def measure(paths: list[str], at: list[int], repeat: int) -> str:
    """A Markdown table: distinct words at ``at`` records and bare-tokenizer records/s, per corpus."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import machine, median, run_child, table, this_command
    header = machine()
    # runs alternate between the corpora, so a change of load on a shared machine hits them alike
    seconds: dict[str, list[float]] = {path: [] for path in paths}
    for _ in range(repeat):
        for path in paths:
            run = run_child([sys.executable, "-c", TOKENIZE, path])
            if run.returncode:
                raise SystemExit(f"tokenizer run failed on {path}")
            seconds[path].append(run.seconds)
    rows = []
    for path in paths:
        records = sum(1 for _ in open(path, "rb"))
        counts = distinct_words(path, at)
        row = {"corpus": os.path.basename(path), "records": f"{records:,}"}
        row.update({f"distinct words @{n:,}": f"{counts[n]:,}" if n in counts else "-" for n in at})
        if len(counts) >= 2:
            (n1, c1), (n2, c2) = sorted(counts.items())[0], sorted(counts.items())[-1]
            row["Heaps exponent"] = f"{math.log(c2 / c1) / math.log(n2 / n1):.2f}"
        if not repeat:
            rows.append(row)
            continue
        middle = median(seconds[path])
        row["tokenizer s (median)"] = f"{middle:.1f} ({', '.join(f'{s:.1f}' for s in seconds[path])})"
        row["tokenizer records/s"] = f"{records / middle:,.0f}"
        rows.append(row)
    if not repeat:
        return f"{header}\n{table(rows)}\ncommand: {this_command()}"
    return f"{header}\n{table(rows)}\nspaCy {spacy_version()} blank('en') tokenizer.pipe over every abstract, " \
           f"whole process, median of {repeat}\ncommand: {this_command()}"


def spacy_version() -> str:
    try:
        import spacy
        return spacy.__version__
    except ImportError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, help="number of papers to write")
    parser.add_argument("--out", help="JSONL file to write (arXiv snapshot format)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--seeds", default=DEFAULT_SEEDS, help="glob of seed files (default data/sample/*.txt)")
    parser.add_argument("--shared", default=DEFAULT_SHARED,
                        help="folder with formats/semantic-scholar/Paper.json and eval-dev/gold-dev.jsonl "
                             "(default ../shared; '' for the seeds only)")
    parser.add_argument("--citations", metavar="FILE", help="also write S2ORC citation records to FILE")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes (default: cores)")
    parser.add_argument("--measure", nargs="+", metavar="FILE",
                        help="instead of generating: distinct words and tokenizer throughput of these corpora")
    parser.add_argument("--at", type=int, nargs="+", default=[10_000, 100_000],
                        help="record counts at which --measure counts distinct words (default 10000 100000)")
    parser.add_argument("--repeat", type=int, default=3, help="tokenizer runs per corpus for --measure (default 3; 0: words only)")
    args = parser.parse_args(argv)
    if args.measure:
        print(measure(args.measure, args.at, args.repeat))
        return 0
    if args.papers is None or not args.out:
        parser.error("--papers and --out are required (or --measure FILE...)")
    started = time.perf_counter()
    seeds = generate(args.papers, args.out, args.seed, args.seeds, args.citations, args.workers, args.shared or None)
    seconds = time.perf_counter() - started
    print(f"wrote {args.papers} papers to {args.out} in {seconds:.1f}s ({args.papers / seconds:,.0f} papers/s; "
          f"{len(seeds.sentences):,} sentence templates from {seeds.abstracts:,} real texts)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
