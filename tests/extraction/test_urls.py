"""URL canonicalisation: every debris form, and the hand-checked seed URL gold (F1 >= 0.98)."""
from __future__ import annotations

from collections import Counter

import pytest

from kg.extraction.urls import canonical_url, find_urls
from kg.model import Paper


@pytest.mark.parametrize("raw, expected", [
    ("https://github.com/a/b.", "https://github.com/a/b"),
    ("github.com/BatsResearch/taglets.", "https://github.com/BatsResearch/taglets"),
    ("https://github.com/Shaoli-Huang/SnapMix.git.", "https://github.com/Shaoli-Huang/SnapMix"),
    ("https://github.com/facebookresearch/MetaCLIP/tree/main/mode.", "https://github.com/facebookresearch/MetaCLIP"),
    ("https://github.com/a/b/blob/main/x.py", "https://github.com/a/b"),
    ("https://github.com/Zood123/COMET{https://github.com/Zood123/COMET}.", "https://github.com/Zood123/COMET"),
    ("https://github.com/kleinzcy/Cr-KD-NCD{here}.", "https://github.com/kleinzcy/Cr-KD-NCD"),
    ("https://github.com/mvrl/BirdSAT}.", "https://github.com/mvrl/BirdSAT"),
    ("https://github.com/ramprs/grad-cam/,", "https://github.com/ramprs/grad-cam"),
    ("https://anonymous.4open.science/r/DV4LLM-D761/", "https://anonymous.4open.science/r/DV4LLM-D761"),
    ("https://gitlab.com/group/proj/-/tree/main", "https://gitlab.com/group/proj"),
    ("bitbucket.org/team/repo.git", "https://bitbucket.org/team/repo"),
])
def test_repository_canonical_forms(raw, expected):
    type_, _, url = canonical_url(raw)
    assert (type_, url) == ("repository", expected)


@pytest.mark.parametrize("raw, kind", [
    ("https://huggingface.co/datasets/o/d", "huggingface_dataset"),
    ("https://huggingface.co/spaces/o/s.", "huggingface_space"),
    ("https://huggingface.co/o/model", "huggingface_model"),
    ("https://diffusion-classifier.github.io/", "project_page"),
])
def test_link_kinds(raw, kind):
    type_, got_kind, _ = canonical_url(raw)
    assert (type_, got_kind) == ("link", kind)


def test_url_glued_to_a_word_and_in_parentheses():
    text = "available athttps://github.com/dqshuai/MetaFormer. (https://github.com/s/diffssl)"
    assert [text[s:e] for s, e in find_urls(text)] == ["https://github.com/dqshuai/MetaFormer",
                                                      "https://github.com/s/diffssl"]


def read_seed_gold(data_dir) -> list[tuple[str, int, str]]:
    rows = []
    for line in (data_dir / "seed_urls.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            seed, number, _raw, expected = line.split("\t")
            rows.append((seed, int(number), expected))
    return rows


def test_seed_urls_match_hand_checked_gold(extractor, shared_dir, data_dir):
    gold = read_seed_gold(data_dir)
    assert len(gold) >= 140
    expected, found = Counter(), Counter()
    for seed, number, url in gold:
        expected[(seed, number, url)] += 1
    for seed in sorted({row[0] for row in gold}):
        lines = (shared_dir / "seeds" / seed).read_text(encoding="utf-8").splitlines()
        for number, mentions in enumerate(extractor.pipe(Paper(title="", abstract=line) for line in lines), 1):
            for m in mentions:
                if m.type in ("repository", "link"):
                    found[(seed, number, m.canonical)] += 1
    tp = sum((expected & found).values())
    precision, recall = tp / sum(found.values()), tp / sum(expected.values())
    assert 2 * precision * recall / (precision + recall) >= 0.98
