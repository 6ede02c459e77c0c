"""Shared hostile material for the reliability suite: strings that break naive code."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

# Text a scraped paper page can really contain; each must survive every stage verbatim
# (titles lose only control characters and whitespace runs, by design).
HOSTILE_TEXTS = {
    "cypher_close": 'x"}) MATCH (n) DETACH DELETE n //',
    "cypher_or": "' OR 1=1 //",
    "backticks": "`Paper`) DETACH DELETE n; //`",
    "html_script": "<script>alert('title')</script>",
    "html_img": '<img src=x onerror="alert(1)">',
    "latex": r"$\mathcal{O}(n^2)$ via \textbf{Attention}{https://github.com/a/b}",
    "rtl": "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u202eevil\u202c",
    "zero_width": "Zero\u200bWidth\u200dJoiner\ufeffBOM",
    "emoji": "\U0001F600 Emoji \U0001F468\u200d\U0001F469\u200d\U0001F467 family",
    "punctuation": "?!...;:--",
    "braces": "{name} %s {{0}} $1 \\n \\u0000",
}
CONTROL_TEXT = "Null\x00Bell\x07Escape\x1b[31mred"  # control characters are dropped, the rest kept


def _write_jsonl(path: Path, records: list) -> Path:
    """Write one JSON value per line (strings are written as given: raw broken lines)."""
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def hostile_records() -> list[dict]:
    """One valid plain record per hostile text, used as title and inside the abstract."""
    return [{"id": f"hostile-{name}", "title": f"{text} ({name})",
             "abstract": f"We propose {text}. It uses BERT on ImageNet and reaches 90% accuracy."}
            for name, text in HOSTILE_TEXTS.items()]


@pytest.fixture(scope="session")
def hostile_texts() -> dict[str, str]:
    return dict(HOSTILE_TEXTS)


@pytest.fixture(scope="session")
def control_text() -> str:
    return CONTROL_TEXT


@pytest.fixture(scope="session")
def write_jsonl():
    """``write_jsonl(path, records)``: dicts as JSON lines, strings as raw (maybe broken) lines."""
    return _write_jsonl
