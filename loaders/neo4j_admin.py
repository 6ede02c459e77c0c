"""Bulk path: CSV files for ``neo4j-admin database import full``, for graphs too big for ``kg load``.

One node file per label (``nodes_Paper.csv``: ``id:ID(Paper)``, ``:LABEL``, typed columns such as
``year:long``, ``categories:string[]``, ``published:date``, ``stub:boolean``) and one relationship
file per (source label, type, target label) (``:START_ID(Paper)``, ``:END_ID(Method)``, ``:TYPE``,
evidence columns). Every field is quoted (so ``""`` stays an empty string while an absent property
is an empty field); list items are joined with :data:`ARRAY_DELIMITER`. ``import_arguments``
gives the matching command line, also written to ``OUT/import-args.txt``.

>>> column("year", [2024, None])
'year:long'
>>> field(["a", "b"])
'"a\\x1fb"'
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

import networkx as nx

from kg import textstore
from kg.model import ENTITY_LABELS
from loaders.neo4j_writer import ENTITY, entity_paper_counts, node_groups, relationship_groups

ARRAY_DELIMITER = "\x1f"  # ASCII unit separator: never part of a title, name or alias
_SCALAR_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def column(name: str, values: list) -> str:
    """The header of the column holding ``values`` (``None`` = absent), typed by the values present."""
    if name == "published":
        return "published:date"
    kinds = {type(value) for value in values if value is not None}
    if kinds == {list}:
        return f"{name}:string[]"
    if len(kinds) != 1 or (kind := kinds.pop()) not in _SCALAR_TYPES:
        raise ValueError(f"property {name!r} mixes or has unsupported types: {sorted(k.__name__ for k in kinds)}")
    return name if kind is str else f"{name}:{_SCALAR_TYPES[kind]}"


def field(value) -> str:
    """One CSV field: empty when absent, else quoted with inner quotes doubled."""
    if value is None:
        return ""
    if isinstance(value, list):
        if any(ARRAY_DELIMITER in str(item) for item in value):
            raise ValueError(f"list item contains the array delimiter U+001F: {value!r}")
        value = ARRAY_DELIMITER.join(map(str, value))
    elif isinstance(value, bool):
        value = "true" if value else "false"
    return '"' + str(value).replace('"', '""') + '"'


def _write_table(path: Path, fixed: list[str], rows: list[tuple[list, dict]], text: str | None = None,
                 text_of: Callable[[list], str | None] | None = None) -> None:
    """Headers ``fixed`` for each row's leading values, then one typed column per property; with
    ``text``, a string column of that name filled by ``text_of(values)`` as each row is written
    (the text of a mirror's store, read a row at a time, never held for the whole file)."""
    keys = sorted({key for _, props in rows for key in props} - {text})
    headers = fixed + [column(key, [props.get(key) for _, props in rows]) for key in keys] + ([text] if text else [])
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(headers) + "\n")
        for values, props in rows:
            cells = [field(value) for value in values] + [field(props.get(key)) for key in keys]
            if text:
                cells.append(field(props[text] if text in props else text_of(values)))
            handle.write(",".join(cells) + "\n")


def _plain_props(props: dict, papers: int | None) -> dict:
    """Properties as the CSV holds them: dates back to ISO text, the ``id`` in its own column, entities' ``papers``."""
    plain = {key: value.isoformat() if hasattr(value, "isoformat") else value
             for key, value in props.items() if key != "id"}
    return plain if papers is None else {**plain, "papers": papers}


def write_import_files(G: nx.MultiDiGraph, out: str | os.PathLike) -> dict:
    """Write the CSV files for ``G`` into ``out``; returns ``{"nodes": [files], "relationships": [files]}``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    files = {"nodes": [], "relationships": []}
    papers = entity_paper_counts(G)
    stored = textstore.store_of(G) is not None  # text columns then come from the store, row by row
    for label, rows in node_groups(G).items():
        path = out / f"nodes_{label}.csv"
        # several labels are one array field; entity nodes get Entity too, as kg load's index_entities gives them
        labels = [label, ENTITY] if label in ENTITY_LABELS.values() else label
        _write_table(path, [f"id:ID({label})", ":LABEL"],
                     [([row["id"], labels], _plain_props(row["props"], papers.get(row["id"]))) for row in rows],
                     textstore.NODE_TEXT if stored else None, lambda values: textstore.abstract(G, values[0]))
        files["nodes"].append(path)
    for (source_label, rel_type, target_label), rows in relationship_groups(G).items():
        path = out / f"relationships_{source_label}_{rel_type}_{target_label}.csv"
        _write_table(path, [f":START_ID({source_label})", f":END_ID({target_label})", ":TYPE"],
                     [([row["source"], row["target"], rel_type], row["props"]) for row in rows],
                     textstore.EDGE_TEXT if stored else None, lambda values: textstore.sentence(G, *values))
        files["relationships"].append(path)
    (out / "import-args.txt").write_text("\n".join(import_arguments(files)) + "\n", encoding="utf-8")
    return files


def import_arguments(files: dict, database: str = "neo4j") -> list[str]:
    """``neo4j-admin`` arguments that import ``files`` (from :func:`write_import_files`) into ``database``."""
    return ["database", "import", "full",
            *(f"--nodes={path}" for path in files["nodes"]),
            *(f"--relationships={path}" for path in files["relationships"]),
            "--array-delimiter=U+001F", "--multiline-fields=true", database]
