"""``kg add`` of new papers to a built graph, next to a full rebuild of all of them, as whole processes.

The corpus is ``bench/generate_corpus.py``'s arXiv-shaped snapshot (line-wrapped abstracts, a
long-tail vocabulary): the first ``--base`` papers are built into a graph directory, then the next
``--new`` papers are added to a fresh copy of it (``--repeats`` times), and the same papers are
built from scratch in an empty directory as the baseline. Each figure is a whole process (wall
seconds, peak RSS), median of the repeats; the ratio says what the addition costs next to the rebuild.

Usage::

    .venv/bin/python bench/bench_add.py [--base 20000] [--new 500] [--repeats 3] [--workers 2]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import KG, REPO, machine, median, run_child, table, this_command  # noqa: E402


def write_corpus(folder: str, base: int, new: int) -> tuple[str, str]:
    """``base.jsonl`` and ``new.jsonl``: one generated snapshot, split."""
    whole = os.path.join(folder, "whole.jsonl")
    subprocess.run([sys.executable, str(REPO / "bench" / "generate_corpus.py"), "--papers", str(base + new),
                    "--out", whole], check=True, stdout=subprocess.DEVNULL)
    paths = os.path.join(folder, "base.jsonl"), os.path.join(folder, "new.jsonl")
    with open(whole, encoding="utf-8") as source:
        for path, count in zip(paths, (base, new)):
            with open(path, "w", encoding="utf-8") as out:
                out.writelines(islice(source, count))
    return paths


def measure(command: list[str], repeats: int, before=None) -> tuple[float, float]:
    """Median wall seconds and peak RSS (MiB, whole process tree) of ``command`` over ``repeats`` runs."""
    runs = []
    for _ in range(repeats):
        if before:
            before()
        run = run_child(command)
        if run.returncode != 0:
            raise SystemExit(f"{' '.join(command)} exited {run.returncode}")
        runs.append(run)
    return median([r.seconds for r in runs]), median([r.tree_rss_mib for r in runs])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=20_000, help="papers in the built graph")
    parser.add_argument("--new", type=int, default=500, help="papers added")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="kg-bench-add-")
    base, new = write_corpus(folder, args.base, args.new)
    built, added, rebuilt = (os.path.join(folder, name) for name in ("built", "added", "rebuilt"))
    workers = ["--workers", str(args.workers), "--quiet"]
    rows = []

    def fresh_copy():
        shutil.rmtree(added, ignore_errors=True)
        shutil.copytree(built, added, symlinks=True)

    steps = (
        (f"kg build of {args.base:,} papers", [KG, "build", base, "--out", built, *workers], None, 1),
        (f"kg add of {args.new:,} papers to it", [KG, "add", new, "--graph", added, *workers], fresh_copy,
         args.repeats),
        (f"kg build of all {args.base + args.new:,} (the rebuild)", [KG, "build", base, new, "--out", rebuilt, *workers],
         lambda: shutil.rmtree(rebuilt, ignore_errors=True), args.repeats))
    for label, command, before, repeats in steps:
        seconds, rss = measure(command, repeats, before)
        rows.append({"process": label, "seconds": f"{seconds:.1f}", "peak RSS MiB": f"{rss:,.0f}"})
    rebuild = float(rows[2]["seconds"])
    for row in rows:
        row["vs rebuild"] = f"{float(row['seconds']) / rebuild:.2f}"
    print(machine())
    print(f"generated arXiv-shaped corpus; {args.workers} workers; whole processes, median of {args.repeats} "
          "(the base build once)")
    print(table(rows))
    print(this_command())
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
