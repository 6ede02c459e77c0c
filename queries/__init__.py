"""Named Cypher statements, one per ``.cypher`` file, loaded by name.

Files directly in this folder are the user-facing named queries (``kg query``);
``internal/`` holds the statements kg itself runs (schema, loader).
Each file starts with ``//`` comment lines: purpose, parameters, example.

>>> import queries
>>> "MATCH" in queries.load("internal/count_nodes")
True
"""
from __future__ import annotations

from importlib import resources


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
