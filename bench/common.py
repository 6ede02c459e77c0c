"""What the bench scripts share: timing a child process, percentiles, the machine, a table.

>>> percentile([1, 2, 3, 4], 50)
2.5
>>> print(table([{"a": 1, "b": "x"}]))
| a | b |
|---|---|
| 1 | x |
"""
from __future__ import annotations

import os
import platform
import shlex
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
KG = str(Path(sys.executable).with_name("kg"))
POLL_SECONDS = 0.2


@dataclass
class ChildRun:
    """One measured child process: wall seconds, peak RSS of its largest process and of its whole tree."""

    seconds: float
    max_rss_mib: float  # getrusage of the child (the largest single process among it and its children)
    tree_rss_mib: float  # the most the child and all its descendants held at once (polled)
    returncode: int


def _tree_rss_kib(root: int) -> int:
    """Resident KiB of ``root`` and every descendant, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack += children.get(pid, [])
    return total


def run_child(command: list[str], **popen_options) -> ChildRun:
    """Run ``command`` to completion, measuring time and memory (stdout/stderr discarded unless given)."""
    popen_options.setdefault("stdout", subprocess.DEVNULL)
    popen_options.setdefault("stderr", subprocess.PIPE)
    started = time.perf_counter()
    child = subprocess.Popen(command, **popen_options)
    peak = [0]
    done = threading.Event()

    def poll():
        while not done.wait(POLL_SECONDS):
            peak[0] = max(peak[0], _tree_rss_kib(child.pid))

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    poller.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode and child.stderr:
        sys.stderr.write(child.stderr.read().decode(errors="replace")[-2000:])
    return ChildRun(seconds, usage.ru_maxrss / 1024, max(peak[0], usage.ru_maxrss) / 1024, child.returncode)


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile, linearly interpolated (``statistics.quantiles`` inclusive)."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(q) - 1]


def median(values: list[float]) -> float:
    return statistics.median(values)


def machine() -> str:
    """``nproc``, CPU model, RAM and Python, for the head of every report."""
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
                 platform.processor())
    with open("/proc/meminfo") as handle:
        ram_kib = int(next(line for line in handle if line.startswith("MemTotal")).split()[1])
    return (f"{os.cpu_count()} cores, {model}, {ram_kib / 2**20:.1f} GiB RAM, Python {platform.python_version()}, "
            f"load average {os.getloadavg()[0]:.2f} at start")


def table(rows: list[dict]) -> str:
    """A Markdown table of ``rows`` (columns from the first row)."""
    headers = list(rows[0])
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(row[h]) for h in headers) + " |" for row in rows]
    return "\n".join(lines)


def this_command() -> str:
    """The command line that ran this script, to print under its table."""
    return "python " + " ".join(shlex.quote(arg) for arg in [os.path.relpath(sys.argv[0], REPO), *sys.argv[1:]])
