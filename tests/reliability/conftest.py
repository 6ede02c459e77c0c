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


def _schema_graph(start: int, stop: int, titles: list[str] | None = None):
    """A schema-shaped graph of papers ``start..stop-1`` with authors, methods and citations.

    Overlapping ranges share papers, authors, methods and edges, as overlapping inputs do.
    ``titles`` (cycled) replaces the generated paper titles and names entities too.
    """
    import networkx as nx
    G = nx.MultiDiGraph()
    for i in range(start, stop):
        paper = f"paper:2401.{i:05d}"
        title = titles[i % len(titles)] if titles else f"Paper {i} on learning"
        G.add_node(paper, label="Paper", id=paper, key=f"2401.{i:05d}", title=title, year=2024,
                   abstract=f"We use {title} here.", sources=["jsonl"], stub=False)
        author, method = f"author:a{i % 500}", f"method:m{i % 200}"
        name = titles[i % len(titles)] if titles else f"Method {i % 200}"
        G.add_node(author, label="Author", id=author, name=f"Author {i % 500}")
        G.add_node(method, label="Method", id=method, name=name, aliases=[name], type="method")
        G.add_edge(author, paper, key="AUTHORED", type="AUTHORED", position=0)
        G.add_edge(paper, method, key="USES", type="USES", field="abstract", start=0, end=3,
                   sentence_index=0, sentence=f"We use {name} here.", rule="lexicon", mentions=1)
        if i > start:
            cited = f"paper:2401.{i - 1:05d}"
            G.add_edge(paper, cited, key="CITES", type="CITES", rule="jsonl", mentions=1)
    return G


@pytest.fixture(scope="session")
def schema_graph():
    """``schema_graph(start, stop, titles=None)`` -> a MultiDiGraph in the kg schema."""
    return _schema_graph


@pytest.fixture(scope="session")
def neo4j_state():
    """``neo4j_state(driver)`` -> (counts per label/type, sorted (source id, type, target id) list)."""
    import queries
    from kg import db

    def state(driver):
        rows = db.read_rows(driver, queries.load("internal/read_relationships"))
        return db.graph_counts(driver), sorted((r["source"], r["type"], r["target"]) for r in rows)

    return state


@pytest.fixture(scope="session")
def kg_env():
    """``kg_env(**overrides)`` -> os.environ copy with NEO4J_* overrides for a subprocess."""
    import os

    def env(**overrides):
        return {**os.environ, **{k: str(v) for k, v in overrides.items()}}

    return env
