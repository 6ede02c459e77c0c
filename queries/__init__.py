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


def bind(name: str, given: dict, *, use_examples: bool = False) -> dict:
    """Check and type the parameters of query ``name``; strings are converted to the declared type.

    A missing parameter takes its example value when ``use_examples`` (what ``kg query`` does),
    else it is an error. Errors are :class:`kg.errors.UsageError` (one line).

    >>> bind("top_entities", {"n": "5"}, use_examples=True)
    {'type': 'method', 'n': 5, 'kind': 'names'}
    """
    from kg.errors import UsageError
    if name not in names():
        raise UsageError(f"no query named {name!r} (see `kg query --list`)")
    spec = describe(name)["params"]
    unknown = sorted(set(given) - set(spec))
    if unknown:
        raise UsageError(f"query {name!r} has no parameter {unknown[0]!r} (it takes: {', '.join(spec) or 'none'})")
    bound = {}
    for key, param in spec.items():
        if key in given:
            bound[key] = _typed(name, key, param["type"], given[key])
        elif use_examples:
            bound[key] = param["example"]
        else:
            raise UsageError(f"query {name!r} needs parameter {key!r} ({param['type']}), e.g. {param['example']!r}")
    return bound


def _typed(name: str, key: str, kind: str, value):
    """``value`` as the declared type (from text when it is a string)."""
    from kg.errors import UsageError
    wanted = PARAM_TYPES[kind]
    if type(value) is wanted:
        return value
    if isinstance(value, str):
        text = value.strip().lower()
        if kind == "bool" and text in ("true", "false"):
            return text == "true"
        if kind in ("int", "float"):
            try:
                return wanted(text)
            except ValueError:
                pass
    raise UsageError(f"query {name!r}: parameter {key!r} must be {kind}, got {value!r}")


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
    {'type': 'method', 'n': 10, 'kind': 'names'}
    """
    return {key: spec["example"] for key, spec in describe(name)["params"].items()}
