"""Named Cypher statements, one per ``.cypher`` file, loaded by name.

Files directly in this folder are the user-facing named queries (``kg query``);
``internal/`` holds the statements kg itself runs (schema, loader).
Each user-facing file starts with ``//`` comment lines in a fixed format::

    // One-line purpose: what question the query answers.
    // @param method: string = "CLIP"  -- what the parameter is
    // @param n: int = 10  -- how many rows
    // @example kg query papers_using_method --param method=clip

Parameter types are ``string``, ``int``, ``float`` and ``bool``; the example
value after ``=`` is a JSON literal of that type (``kg query`` uses it when the
user gives no value). The text refers to parameters only as ``$name``.

>>> import queries
>>> "MATCH" in queries.load("internal/count_nodes")
True
>>> queries.describe("top_entities")["params"]["n"]
{'type': 'int', 'example': 10, 'help': 'how many entities to list'}
"""
from __future__ import annotations

import json
import re
from importlib import resources

PARAM_TYPES = {"string": str, "int": int, "float": float, "bool": bool}
_PARAM_LINE = re.compile(r"//\s*@param\s+(?P<name>\w+)\s*:\s*(?P<type>\w+)\s*=\s*(?P<example>.+?)"
                         r"(?:\s+--\s*(?P<help>.*))?$")
_EXAMPLE_LINE = re.compile(r"//\s*@example\s+(?P<call>.+)$")


def load(name: str) -> str:
    """The text of ``queries/<name>.cypher`` (``name`` may be ``internal/<name>``)."""
    path = resources.files(__name__).joinpath(*f"{name}.cypher".split("/"))
    if not path.is_file():
        raise KeyError(f"no query named {name!r}")
    return path.read_text(encoding="utf-8")


def names() -> list[str]:
    """Sorted names of the user-facing queries."""
    return sorted(p.name[: -len(".cypher")] for p in resources.files(__name__).iterdir()
                  if p.name.endswith(".cypher"))


def _parse_param(name: str, match: re.Match) -> tuple[str, dict]:
    kind = match["type"]
    if kind not in PARAM_TYPES:
        raise ValueError(f"queries/{name}.cypher: parameter {match['name']!r} has unknown type {kind!r}")
    example = json.loads(match["example"])
    if type(example) is not PARAM_TYPES[kind]:
        raise ValueError(f"queries/{name}.cypher: example {match['example']} of {match['name']!r} is not {kind}")
    return match["name"], {"type": kind, "example": example, "help": (match["help"] or "").strip()}


def describe(name: str) -> dict:
    """Parse a query's header: ``{"name", "purpose", "params": {name: {type, example, help}}, "example"}``.

    >>> d = describe("papers_using_method")
    >>> d["params"]["method"]["type"], d["params"]["method"]["example"]
    ('string', 'CLIP')
    """
    header = []
    for line in load(name).splitlines():
        if not line.startswith("//"):
            break
        header.append(line.strip())
    if not header:
        raise ValueError(f"queries/{name}.cypher: no // header")
    params, example = {}, None
    for line in header[1:]:
        if match := _PARAM_LINE.match(line):
            key, spec = _parse_param(name, match)
            params[key] = spec
        elif match := _EXAMPLE_LINE.match(line):
            example = match["call"].strip()
    return {"name": name, "purpose": header[0].lstrip("/ ").strip(), "params": params, "example": example}


def example_params(name: str) -> dict:
    """The example value of every parameter of query ``name``.

    >>> example_params("top_entities")
    {'type': 'method', 'n': 10}
    """
    return {key: spec["example"] for key, spec in describe(name)["params"].items()}
