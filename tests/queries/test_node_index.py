"""The twins give the same rows with the backend's node index as with a walk over every node."""
from __future__ import annotations

import pytest

import queries
from kg import node_index, twins
from kg.backends import NetworkXBackend


def rows_both_ways(G, name, params):
    """(rows walking every node, rows through a backend that indexes G), leaving G unindexed."""
    node_index.forget(G)
    walked = twins.run(G, name, params)
    backend = NetworkXBackend(G)
    try:
        return walked, backend.run(name, params)
    finally:
        backend.to_networkx()  # hands G back: the index goes


@pytest.mark.parametrize("name", queries.names())
def test_indexed_rows_equal_walked_rows_on_the_sample(name, sample_graph):
    walked, indexed = rows_both_ways(sample_graph, name, queries.example_params(name))
    assert walked and indexed == walked


@pytest.mark.parametrize("name", queries.names())
def test_indexed_rows_equal_walked_rows_on_the_small_graph(name, small_graph, small_graph_params):
    walked, indexed = rows_both_ways(small_graph, name, small_graph_params(name))
    assert walked and indexed == walked


def test_a_graph_handed_out_is_walked_again(small_graph):
    backend = NetworkXBackend(small_graph)
    backend.run("citations", {"paper": "2501.00003"})
    assert node_index.of(small_graph) is not None
    G = backend.to_networkx()
    assert node_index.of(G) is None
    G.add_node("paper:new", label="Paper", key="2509.99999", title="New")
    assert twins.find_papers(G, "2509.99999") == ["paper:new"]
    G.remove_node("paper:new")
