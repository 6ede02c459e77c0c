"""Transaction memory of each named query in Neo4j: PROFILE's GlobalMemory and db hits, one call each.

A whole-graph aggregation that outgrows ``dbms.memory.transaction.total.max`` fails with
``MemoryPoolOutOfMemoryError``; this shows how close each query comes. Parameters are the
headers' examples, or the graph's busiest paper, author and commonest year like
``bench_queries.py`` (needs the mirror of the loaded graph for those).

    NEO4J_URI=bolt://127.0.0.1:7699 python bench/bench_query_memory.py /tmp/kg-100k
"""
from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_queries import graph_params, query_params  # noqa: E402
from common import machine, table, this_command  # noqa: E402


def db_hits(plan: dict) -> int:
    return plan.get("dbHits", 0) + sum(db_hits(child) for child in plan.get("children", []))


def profile(session, name: str, params: dict) -> dict:
    """Peak memory (MiB) and db hits of one PROFILEd call of query ``name``."""
    import queries
    result = session.run("PROFILE " + queries.load(name), params)
    rows = len(list(result))  # the profile is complete only once every row was pulled
    plan = result.consume().profile
    return {"query": name, "memory MiB": f"{plan['args'].get('GlobalMemory', 0) / 2**20:,.1f}",
            "db hits": f"{db_hits(plan):,}", "rows": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", help="graph directory written by `kg build` (the graph loaded into Neo4j)")
    parser.add_argument("--only", nargs="+", metavar="QUERY", help="profile only these queries")
    args = parser.parse_args(argv)
    import queries
    from kg import mirror
    from kg.db import connect
    print(f"machine: {machine()}")
    overrides = graph_params(mirror.read(args.graph, text=False))
    with connect() as driver, driver.session() as session:
        rows = [profile(session, name, query_params(name, overrides)) for name in args.only or queries.names()]
    print(table(rows))
    print(f"command: {this_command()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
