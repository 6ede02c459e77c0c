"""The NetworkX twins on the hand-made graph: rows checked against the graph's construction."""
from __future__ import annotations

import queries
from kg import twins


def test_every_query_has_a_twin_and_every_twin_a_query():
    assert set(queries.names()) == set(twins.TWINS)
