"""`kg query` on a mirror directory holding the hand-made graph."""
from __future__ import annotations

import csv
import io
import json

import pytest

import queries
from kg import mirror


@pytest.fixture(scope="module")
def graph_dir(tmp_path_factory, small_graph):
    directory = tmp_path_factory.mktemp("small") / "graph"
    mirror.write(small_graph, directory)
    return directory


def test_list_names_every_query_with_its_purpose(run_kg):
    listed = json.loads(run_kg("query", "--list", "--format", "json", check=True).stdout)
    assert [entry["name"] for entry in listed] == queries.names()
    assert all(entry["purpose"] == queries.describe(entry["name"])["purpose"] for entry in listed)
    table = run_kg("query", "--list", check=True).stdout.splitlines()
    assert len(table) == len(listed) and table[0].split()[0] == listed[0]["name"]


def test_params_are_typed_and_rows_are_json_objects(run_kg, graph_dir):
    result = run_kg("query", "top_entities", "--param", "type=dataset", "--param", "n=2",
                    "--graph", graph_dir, "--format", "json", check=True)
    rows = json.loads(result.stdout)
    # ImageNet is named by three fixture papers, COCO by two.
    assert rows == [{"id": "dataset:imagenet", "name": "ImageNet", "kind": "name", "papers": 3},
                    {"id": "dataset:coco", "name": "COCO", "kind": "name", "papers": 2}]


def test_example_params_fill_what_is_not_given(run_kg, graph_dir):
    rows = json.loads(run_kg("query", "top_entities", "--graph", graph_dir, "--format", "json", check=True).stdout)
    assert rows and {row["id"].split(":")[0] for row in rows} == {queries.example_params("top_entities")["type"]}


def test_csv_and_table_formats(run_kg, graph_dir):
    out = run_kg("query", "papers_using_method", "--param", "method=low-rank adaptation",
                 "--graph", graph_dir, "--format", "csv", check=True).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["paper"] for row in rows] == ["paper:2402.00002", "paper:2501.00003", "paper:2502.00004",
                                              "paper:title:a-study-without-identifiers"]
    table = run_kg("query", "papers_using_method", "--param", "method=LoRA", "--graph", graph_dir,
                   check=True).stdout.splitlines()
    assert table[0].split() == list(rows[0]) and len(table) == 2 + len(rows)


@pytest.mark.parametrize("args", [
    ["no_such_query"],
    ["top_entities", "--param", "n=lots"],
    ["top_entities", "--param", "colour=red"],
    ["top_entities", "--param", "n"],
])
def test_usage_errors_are_one_line_exit_2(run_kg, graph_dir, args):
    result = run_kg("query", *args, "--graph", graph_dir)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("kg: error:")
