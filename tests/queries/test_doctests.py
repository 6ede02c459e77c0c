"""The docstring examples of the query API run, on the hand-made graph (``g`` and ``G`` in their globals)."""
from __future__ import annotations

import doctest

import pytest

import kg.analytics
import kg.api
import kg.backends
import kg.twins
import queries
from kg.api import KnowledgeGraph


@pytest.mark.parametrize("module", [kg.api, kg.analytics, kg.backends, kg.twins, queries],
                         ids=lambda module: module.__name__)
def test_docstring_examples_run(module, small_graph):
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    globs = {**vars(module), "g": KnowledgeGraph(small_graph), "G": small_graph}
    tests = finder.find(module, globs=globs)
    assert sum(len(test.examples) for test in tests) > 0, f"{module.__name__} has no examples"
    for test in tests:
        runner.run(test)
    results = runner.summarize(verbose=False)
    assert results.failed == 0, f"{results.failed} docstring example(s) failed in {module.__name__}"
