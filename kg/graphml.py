"""A streaming GraphML writer for the mirror: one line per node and edge, no copy of the graph.

``networkx.write_graphml`` builds an XML tree of the whole graph (and the mirror used to copy
the graph first to encode lists), about 3x the graph in memory at write time. This writer makes
two passes over the live graph instead: the attribute keys (GraphML declares them before the
graph), then the elements. Lists and dicts are written as JSON strings (GraphML has no list
type); types and key ids follow networkx, so ``networkx.read_graphml`` reads the same graph
back as from ``networkx.write_graphml``.

>>> import io
>>> G = nx.MultiDiGraph()
>>> G.add_node("paper:1", label="Paper", year=2024, categories=["cs.CL"])
>>> G.add_edge("paper:1", "paper:1", key="CITES", rule="a & b")
'CITES'
>>> out = io.StringIO(); write(G, out)
>>> H = nx.read_graphml(io.StringIO(out.getvalue()), force_multigraph=True)
>>> H.nodes["paper:1"], list(H.edges(keys=True, data=True))
({'label': 'Paper', 'year': 2024, 'categories': '["cs.CL"]'}, [('paper:1', 'paper:1', 'CITES', {'rule': 'a & b'})])
"""
from __future__ import annotations

import json
import numbers
from itertools import islice
from typing import Callable, Iterable, Iterator, TextIO
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

HEADER = ("<?xml version='1.0' encoding='utf-8'?>\n"
          '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
          'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
          'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
LINES_PER_WRITE = 2000
_NOT_GRAPH_DATA = ("id", "node_default", "edge_default")  # networkx keeps these out of <graph> data


def _xml_type(value) -> str:
    """The GraphML type networkx gives a Python value (bool before int: bool is an int)."""
    if isinstance(value, (str, list, dict)):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, numbers.Integral):
        return "long"
    if isinstance(value, numbers.Real):
        return "double"
    raise nx.NetworkXError(f"GraphML writer does not support {type(value)} as data values.")


def _text(value) -> str:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else str(value)


def _graph_data(G: nx.MultiDiGraph) -> dict:
    return {k: v for k, v in G.graph.items() if k not in _NOT_GRAPH_DATA}


Items = Callable[[nx.MultiDiGraph], tuple[Iterable, Iterable]]


def _own_items(G: nx.MultiDiGraph) -> tuple[Iterable, Iterable]:
    return G.nodes(data=True), G.edges(keys=True, data=True)


def _scopes(G: nx.MultiDiGraph, items: Items) -> Iterator[tuple[str, dict]]:
    """Every attribute dict of ``G`` with its GraphML scope, graph first, in writing order."""
    yield "graph", _graph_data(G)
    nodes, edges = items(G)
    for _, attrs in nodes:
        yield "node", attrs
    for _, _, _, attrs in edges:
        yield "edge", attrs


def _keys(G: nx.MultiDiGraph, items: Items) -> dict[tuple[str, str, str], str]:
    """Key id per (scope, attribute name, type), numbered in first-seen order like networkx."""
    keys: dict[tuple[str, str, str], str] = {}
    for scope, attrs in _scopes(G, items):
        for name, value in attrs.items():
            keys.setdefault((scope, str(name), _xml_type(value)), f"d{len(keys)}")
    return keys


def _data(keys: dict, scope: str, attrs: dict) -> str:
    return "".join(f'<data key="{keys[scope, str(name), _xml_type(value)]}">{escape(_text(value))}</data>'
                   for name, value in attrs.items())


def _elements(G: nx.MultiDiGraph, keys: dict, items: Items) -> Iterator[str]:
    nodes, edges = items(G)
    for node, attrs in nodes:
        yield f"    <node id={quoteattr(str(node))}>{_data(keys, 'node', attrs)}</node>\n"
    for u, v, key, attrs in edges:
        yield (f"    <edge source={quoteattr(str(u))} target={quoteattr(str(v))} id={quoteattr(str(key))}>"
               f"{_data(keys, 'edge', attrs)}</edge>\n")


def _write_lines(handle: TextIO, lines: Iterable[str]) -> None:
    lines = iter(lines)
    while chunk := "".join(islice(lines, LINES_PER_WRITE)):
        handle.write(chunk)


def write(G: nx.MultiDiGraph, handle: TextIO, whole: Items = _own_items) -> None:
    """Write ``G`` as GraphML into the text handle ``handle``; ``whole(G)`` gives the (nodes, relationships)
    to write, with their attributes (default: ``G``'s own; the mirror adds the text of its store)."""
    keys = _keys(G, whole)
    handle.write(HEADER)
    # networkx inserts each new key at the top, so the last-seen key comes first; same here.
    _write_lines(handle, (f'  <key id="{key_id}" for="{scope}" attr.name={quoteattr(name)} attr.type="{xml_type}" />\n'
                          for (scope, name, xml_type), key_id in reversed(keys.items())))
    edge_default = "directed" if G.is_directed() else "undirected"
    graph_id = f" id={quoteattr(str(G.graph['id']))}" if "id" in G.graph else ""
    handle.write(f'  <graph edgedefault="{edge_default}"{graph_id}>{_data(keys, "graph", _graph_data(G))}\n')
    _write_lines(handle, _elements(G, keys, whole))
    handle.write("  </graph>\n</graphml>\n")
