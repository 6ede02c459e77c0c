"""End-to-end ``kg build`` benchmark: papers/s and peak memory, against a one-worker baseline.

Runs ``kg build CORPUS --out DIR --quiet --workers W`` as a child process
``--repeat`` times for each ``W`` (the first ``--workers`` value is the
baseline), and prints medians: seconds, papers/s, speed-up over the baseline,
peak RSS of the largest process (``getrusage`` of the child) and of the whole
process tree (polled from /proc), and the size of the mirror written.

Example::

    python bench/generate_corpus.py --papers 10000 --out /tmp/corpus-10k.jsonl
    python bench/bench_build.py /tmp/corpus-10k.jsonl --workers 1 2 --repeat 3
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import KG, machine, median, run_child, table, this_command  # noqa: E402


def count_lines(path: str) -> int:
    with open(path, "rb") as handle:
        return sum(1 for _ in handle)


def measure(corpus: list[str], workers: int, repeat: int, keep: str | None) -> dict:
    """Median figures of ``repeat`` builds of ``corpus`` with ``workers`` extraction processes."""
    runs, sizes = [], {}
    for _ in range(repeat):
        out = keep or tempfile.mkdtemp(prefix="kg-bench-build-")
        run = run_child([KG, "build", *corpus, "--out", out, "--quiet", "--workers", str(workers)])
        if run.returncode:
            raise SystemExit(f"kg build failed with exit code {run.returncode}")
        runs.append(run)
        sizes = {name: os.path.getsize(os.path.join(out, name)) for name in os.listdir(out)}
        with open(os.path.join(out, "manifest.json")) as handle:
            manifest = json.load(handle)
        if not keep:
            shutil.rmtree(out)
    return {"workers": workers, "runs": runs, "sizes": sizes, "manifest": manifest}


def row(result: dict, papers: int, baseline_seconds: float) -> dict:
    seconds = median([r.seconds for r in result["runs"]])
    return {
        "workers": result["workers"],
        "seconds (median)": f"{seconds:.1f}",
        "papers/s": f"{papers / seconds:,.0f}",
        "speed-up vs 1st": f"{baseline_seconds / seconds:.2f}x",
        "peak RSS largest process MiB": f"{median([r.max_rss_mib for r in result['runs']]):,.0f}",
        "peak RSS process tree MiB": f"{median([r.tree_rss_mib for r in result['runs']]):,.0f}",
        "graph.json.gz MiB": f"{result['sizes'].get('graph.json.gz', 0) / 2**20:,.0f}",
        "directory MiB": f"{sum(result['sizes'].values()) / 2**20:,.0f}",
        "graph.graphml MiB": f"{result['sizes'].get('graph.graphml', 0) / 2**20:,.0f}",
        "runs": len(result["runs"]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", help="input files of `kg build`")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, os.cpu_count() or 1],
                        help="worker counts to compare; the first is the baseline (default: 1 and cores)")
    parser.add_argument("--repeat", type=int, default=3, help="builds per worker count (default 3)")
    parser.add_argument("--keep", metavar="DIR", help="write the mirror here and keep it (for bench_queries)")
    args = parser.parse_args(argv)
    papers = sum(count_lines(path) for path in args.corpus if path.endswith(".jsonl"))
    print(f"machine: {machine()}")
    results = [measure(args.corpus, workers, args.repeat, args.keep) for workers in args.workers]
    baseline = median([r.seconds for r in results[0]["runs"]])
    print(f"corpus: {', '.join(args.corpus)} ({papers:,} records); counts: "
          f"{json.dumps(results[-1]['manifest'].get('counts', {}))}")
    print(table([row(result, papers, baseline) for result in results]))
    print(f"command: {this_command()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
