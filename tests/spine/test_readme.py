"""The worked examples of the README and docs/queries.md are true: console output, Cypher and Python.

The examples run on the sample graph the README's first command builds (``out/sample``),
so a change to extraction or to a query that alters an answer fails here until the
README says the new answer.
"""
from __future__ import annotations

import contextlib
import doctest
import io
import re
import shlex

import pytest

import queries
from kg import mirror
from kg.cli import main

FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.S | re.M)


DOCUMENTS = ["README.md", "docs/queries.md"]


@pytest.fixture(scope="module", params=DOCUMENTS)
def document(request, repo_root) -> str:
    return (repo_root / request.param).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def readme(repo_root) -> str:
    return (repo_root / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sample_cwd(tmp_path_factory, sample_graph):
    """A working directory holding ``out/sample``, as after ``bash scripts/sample.sh``."""
    root = tmp_path_factory.mktemp("readme")
    mirror.write(sample_graph, root / "out" / "sample")
    return root


def blocks(readme: str, language: str) -> list[str]:
    return [body for lang, body in FENCE.findall(readme) if lang == language]


def console_examples(readme: str) -> list[tuple[str, str]]:
    """(command, expected output) for every ``$ kg ...`` line of the console blocks."""
    examples = []
    for body in blocks(readme, "console"):
        for chunk in re.split(r"^\$ ", body, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            examples.append((command, output))
    return examples


def test_readme_has_three_questions_answered_three_ways(readme):
    section = readme.split("## Three questions, three ways", 1)[1].split("\n## ", 1)[0]
    assert section.count("\n### ") == 3
    for question in section.split("\n### ")[1:]:
        assert {"console", "cypher", "python"} <= {lang for lang, _ in FENCE.findall(question)}, question[:60]


def test_console_examples_print_what_the_document_shows(document, sample_cwd, monkeypatch):
    monkeypatch.chdir(sample_cwd)
    examples = console_examples(document)
    assert examples
    for command, expected in examples:
        argv = shlex.split(command)
        assert argv[0] == "kg"
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(argv[1:]) == 0, command
        printed = [line.rstrip() for line in out.getvalue().splitlines()]
        shown = [line.rstrip() for line in expected.splitlines()]
        if shown[-1] == "...":  # the README shows the first rows only
            shown, printed = shown[:-1], printed[:len(shown) - 1]
        assert printed == shown, command


def test_readme_shows_the_samples_citations_and_authors(readme, sample_graph):
    """The sample has CITES and AUTHORED (from its Semantic Scholar response), and the README shows them."""
    shown = {shlex.split(command)[2]: output for command, output in console_examples(readme)
             if command.startswith("kg query ")}
    edges = mirror.counts(sample_graph)["edges"]
    for name, edge_type in (("citations", "CITES"), ("author_papers", "AUTHORED")):
        assert edges.get(edge_type), f"the sample graph has no {edge_type}"
        assert name in shown, f"the README shows no `kg query {name}` example"
        rows = shown[name].splitlines()[2:]  # after the header and its rule
        assert rows and "(no rows)" not in rows, name


def test_cypher_examples_are_the_named_query_files(readme):
    cypher = blocks(readme, "cypher")
    assert len(cypher) == 3
    bodies = {name: "\n".join(line for line in queries.load(name).splitlines() if not line.startswith("//")).strip()
              for name in queries.names()}
    for block in cypher:
        text = "\n".join(line for line in block.splitlines() if not line.startswith(":param")).strip()
        assert text in bodies.values(), f"not the body of a queries/*.cypher file:\n{text}"


def test_python_examples_run(document, sample_cwd, monkeypatch):
    monkeypatch.chdir(sample_cwd)
    source = "\n".join(body for body in blocks(document, "python") if ">>>" in body)
    test = doctest.DocTestParser().get_doctest(source, {}, "example", "example", 0)
    assert test.examples
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
