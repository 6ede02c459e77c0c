"""The mirror on disk, and one named query as a whole process: a baseline graph directory (read by
the baseline's code) against a new one (read by this checkout), in the same run.

For each directory: the size of every file of its current generation, and for each query one
``kg query NAME --graph DIR`` process (the header's example parameters), its wall time and peak
RSS (getrusage's ``ru_maxrss``, what ``/usr/bin/time -v`` prints as "Maximum resident set size"),
with the ratios new / baseline. The baseline's code is a source tree (``git archive main | tar -x -C
/tmp/kg-main``) run with ``PYTHONPATH``, so both runs use this interpreter and its packages.

    python bench/bench_mirror.py /tmp/kg-100k --baseline /tmp/kg-100k-main --baseline-code /tmp/kg-main
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import KG, machine, median, run_child, table, this_command  # noqa: E402

CLI = "import sys; from kg.cli import main; sys.exit(main())"


def file_sizes(directory: Path) -> dict[str, int]:
    """Bytes of each visible file of a mirror (its symlinks followed into the current generation)."""
    return {path.name: path.stat().st_size for path in sorted(directory.iterdir())
            if not path.name.startswith(".") and path.is_file()}


def query_command(directory: Path, name: str, code: str | None) -> tuple[list[str], dict]:
    """The ``kg query`` command line for ``directory`` and the Popen options that pick its code."""
    args = ["query", name, "--graph", str(directory), "--format", "json"]
    if code is None:
        return [KG, *args], {}
    return [sys.executable, "-c", CLI, *args], {"cwd": code, "env": {**os.environ, "PYTHONPATH": code}}


def measure(directory: Path, name: str, code: str | None, repeat: int) -> tuple[float, float]:
    """Median wall seconds and peak MiB of ``repeat`` query processes."""
    command, options = query_command(directory, name, code)
    runs = [run_child(command, **options) for _ in range(repeat)]
    if any(run.returncode for run in runs):
        raise SystemExit(f"{' '.join(command)} failed")
    return median([run.seconds for run in runs]), max(run.max_rss_mib for run in runs)


def size_rows(baseline: Path, new: Path) -> list[dict]:
    old, now = file_sizes(baseline), file_sizes(new)
    rows = [{"file": name, "baseline MB": f"{old.get(name, 0) / 1e6:,.1f}", "new MB": f"{now.get(name, 0) / 1e6:,.1f}"}
            for name in sorted(old.keys() | now.keys())]
    total_old, total_new = sum(old.values()), sum(now.values())
    rows.append({"file": f"**total** (new / baseline {total_new / total_old:.2f})",
                 "baseline MB": f"{total_old / 1e6:,.1f}", "new MB": f"{total_new / 1e6:,.1f}"})
    return rows


def query_rows(args) -> list[dict]:
    rows = []
    for name in args.queries:
        old_s, old_mib = measure(args.baseline, name, args.baseline_code, args.repeat)
        new_s, new_mib = measure(args.graph, name, None, args.repeat)
        rows.append({"query process": name, "baseline s": f"{old_s:.1f}", "new s": f"{new_s:.1f}",
                     "time ratio": f"{new_s / old_s:.2f}", "baseline peak MiB": f"{old_mib:,.0f}",
                     "new peak MiB": f"{new_mib:,.0f}", "memory ratio": f"{new_mib / old_mib:.2f}"})
        print(" ".join(rows[-1].values()), file=sys.stderr, flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", type=Path, help="graph directory written by this checkout")
    parser.add_argument("--baseline", type=Path, required=True, help="graph directory written by the baseline")
    parser.add_argument("--baseline-code", required=True, metavar="DIR", help="source tree of the baseline's kg")
    parser.add_argument("--queries", nargs="+", default=["top_entities"], metavar="QUERY",
                        help="queries to run as processes (default top_entities)")
    parser.add_argument("--repeat", type=int, default=1, help="processes per query and directory (default 1)")
    args = parser.parse_args(argv)
    print(f"machine: {machine()}")
    print(table(size_rows(args.baseline, args.graph)))
    print()
    print(table(query_rows(args)))
    print(f"load average {os.getloadavg()[0]:.2f} at the end")
    print(f"command: {this_command()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
