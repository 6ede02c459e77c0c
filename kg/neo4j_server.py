"""A local Neo4j Community 5.26 for development and tests, run by ``kg neo4j start|stop|status``.

The Neo4j server tarball is not on Maven Central, so kg runs the embedded engine
(``org.neo4j:neo4j`` + ``neo4j-bolt``, versions in ``kg/java/pom.xml``) behind a tiny
Java launcher (``kg/java/KgNeo4jServer.java``). Jars and the compiled launcher live
in a cache outside the repository (``KG_NEO4J_CACHE``, default ``~/.cache/kg/neo4j-5.26``);
data, logs and the pid file in ``KG_NEO4J_HOME`` (default ``./.kg/neo4j``). The Bolt
address, user and password come from ``NEO4J_URI``/``NEO4J_USERNAME``/``NEO4J_PASSWORD``
(see :mod:`kg.db`). The same cache holds the ``neo4j-admin`` tool (:func:`run_neo4j_admin`).

>>> from pathlib import Path
>>> bolt_address("neo4j://127.0.0.1:7688")
('127.0.0.1', 7688)
>>> home_dir({"KG_NEO4J_HOME": "/tmp/x"}) == Path("/tmp/x")
True
"""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import time
from importlib import resources
from pathlib import Path
from typing import Mapping
from urllib.parse import urlsplit

from kg import db
from kg.errors import KgError

LAUNCHER_CLASS = "KgNeo4jServer"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"
PID_FILE = "kg-neo4j.pid"
LOG_FILE = "logs/kg-neo4j.log"
START_TIMEOUT = 180.0  # seconds; a cold JVM plus a first database creation takes about 20-40 s here
STOP_TIMEOUT = 90.0  # Bolt shutdown alone waits several seconds for connections to drain
# Memory of the local server, each overridable by an environment variable (sizes like "4g", "512m").
# heap: the JVM's -Xmx. pagecache: store files cached off-heap; 1g holds a 100k-paper graph's store,
# so whole-graph queries do not page from disk. tx_memory: the cap on what all open transactions hold
# together; Neo4j's own default is 70% of the heap, kept here (1.4g of 2g) because the named queries
# are written to stay far below it (BENCHMARKS.md: the largest needs ~85 MiB at 100k papers).
MEMORY_DEFAULTS = {"heap": "2g", "pagecache": "1g", "tx_memory": "1400m"}
MEMORY_VARIABLES = {"heap": "KG_NEO4J_HEAP", "pagecache": "KG_NEO4J_PAGECACHE", "tx_memory": "KG_NEO4J_TX_MEMORY"}


class Neo4jSetupError(KgError):
    """Fetching the jars, compiling the launcher or starting the JVM failed."""

    exit_code = 4


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Where the jars and the compiled launcher go (outside the repository)."""
    environ = os.environ if environ is None else environ
    return Path(environ.get("KG_NEO4J_CACHE") or Path.home() / ".cache" / "kg" / "neo4j-5.26")


def home_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Where the local server keeps data, logs and its pid file."""
    environ = os.environ if environ is None else environ
    return Path(environ.get("KG_NEO4J_HOME") or Path(".kg") / "neo4j").absolute()


def bolt_address(uri: str) -> tuple[str, int]:
    """Host and port of a ``bolt://`` or ``neo4j://`` URI (port 7687 when absent)."""
    parts = urlsplit(uri)
    return parts.hostname or "127.0.0.1", parts.port or 7687


def memory_settings(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """Heap, page cache and transaction memory of the local server: environment, else defaults.

    >>> memory_settings({"KG_NEO4J_HEAP": "4g"})
    {'heap': '4g', 'pagecache': '1g', 'tx_memory': '1400m'}
    """
    environ = os.environ if environ is None else environ
    return {name: environ.get(MEMORY_VARIABLES[name]) or default for name, default in MEMORY_DEFAULTS.items()}


def is_local(uri: str) -> bool:
    """Whether ``uri`` names this machine, i.e. a server ``kg neo4j start`` could run."""
    return bolt_address(uri)[0] in ("127.0.0.1", "localhost", "::1")


def _java_sources() -> tuple[str, str]:
    java = resources.files("kg").joinpath("java")
    return (java.joinpath("pom.xml").read_text(encoding="utf-8"),
            java.joinpath(f"{LAUNCHER_CLASS}.java").read_text(encoding="utf-8"))


def _run(command: list[str], what: str, **kwargs) -> None:
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        tail = (result.stdout + result.stderr).strip().splitlines()[-1:] or ["no output"]
        raise Neo4jSetupError(f"{what} failed (exit {result.returncode}): {tail[0]}")


def _stamped(directory: Path, stamp: str) -> bool:
    """Whether ``directory`` was completed for exactly this input (its ``.complete`` holds ``stamp``)."""
    marker = directory / ".complete"
    return marker.is_file() and marker.read_text() == stamp


def fetch(cache: Path | None = None) -> Path:
    """Make sure the jars are in the cache and the launcher is compiled; returns the cache.

    Idempotent and cheap once done: the pom and launcher source are hashed, and only a
    change refetches or recompiles. The first fetch downloads about 120 MB with ``mvn``.
    """
    cache = cache or cache_dir()
    pom, source = _java_sources()
    lib, classes = cache / "lib", cache / "classes"
    stamp = hashlib.sha256(pom.encode()).hexdigest()
    if not _stamped(lib, stamp):
        for tool in ("mvn", "javac", "java"):
            if not shutil.which(tool):
                raise Neo4jSetupError(f"`{tool}` is not on PATH: the local Neo4j needs a JDK 17+ and Maven")
        shutil.rmtree(lib, ignore_errors=True)
        cache.mkdir(parents=True, exist_ok=True)
        (cache / "pom.xml").write_text(pom, encoding="utf-8")
        _run(["mvn", "-B", "-q", "-f", str(cache / "pom.xml"), "dependency:copy-dependencies",
              f"-DoutputDirectory={lib}"], "mvn dependency:copy-dependencies")
        (lib / ".complete").write_text(stamp)
    source_stamp = hashlib.sha256((stamp + source).encode()).hexdigest()
    if not _stamped(classes, source_stamp):
        shutil.rmtree(classes, ignore_errors=True)
        classes.mkdir(parents=True)
        (cache / f"{LAUNCHER_CLASS}.java").write_text(source, encoding="utf-8")
        _run(["javac", "-d", str(classes), "-cp", str(lib / "*"), str(cache / f"{LAUNCHER_CLASS}.java")],
             "javac KgNeo4jServer.java")
        (classes / ".complete").write_text(source_stamp)
    return cache


def _pid(home: Path) -> int | None:
    """The pid in the pid file if that process is alive."""
    try:
        pid = int((home / PID_FILE).read_text().strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    return pid


def is_up(uri: str | None = None, timeout: float = 3.0) -> bool:
    """Whether a Neo4j answers Bolt at ``uri`` (default ``NEO4J_URI``) with the configured credentials."""
    import neo4j
    config = db.settings()
    try:
        with neo4j.GraphDatabase.driver(uri or config["uri"], auth=(config["username"], config["password"]),
                                        connection_timeout=timeout) as driver:
            driver.verify_connectivity()
    except Exception:  # any failure means "not up" here; `kg.db.connect` reports the reason
        return False
    return True


def start(uri: str | None = None, home: Path | None = None, *, timeout: float = START_TIMEOUT,
          **memory: str) -> bool:
    """Start the local server unless it already answers; returns False if it was already up.

    ``memory`` (``heap=``, ``pagecache=``, ``tx_memory=``) overrides :func:`memory_settings`.
    Returns only once Bolt answers (or raises :class:`Neo4jSetupError` after ``timeout``).
    """
    config = db.settings()
    uri = uri or config["uri"]
    home = home or home_dir()
    if is_up(uri):
        return False
    if not is_local(uri):
        raise Neo4jSetupError(f"NEO4J_URI {uri} is not on this machine: `kg neo4j start` runs a local server only")
    cache = fetch()
    host, port = bolt_address(uri)
    (home / "logs").mkdir(parents=True, exist_ok=True)
    memory = {**memory_settings(), **memory}
    command = ["java", f"-Xmx{memory['heap']}", "-XX:+UseG1GC", f"-Dkg.home={home}", f"-Dkg.host={host}",
               f"-Dkg.port={port}", f"-Dkg.user={config['username']}", f"-Dkg.pagecache={memory['pagecache']}",
               f"-Dkg.txmemory={memory['tx_memory']}",
               "-cp", os.pathsep.join([str(cache / "classes"), str(cache / "lib" / "*")]), LAUNCHER_CLASS]
    # The password travels in the environment, not on the command line where `ps` shows it.
    env = {**os.environ, "KG_NEO4J_PASSWORD": config["password"]}
    with open(home / LOG_FILE, "ab") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   env=env, start_new_session=True)
    (home / PID_FILE).write_text(str(process.pid))
    _wait_until_up(uri, process, home, timeout)
    return True


def _wait_until_up(uri: str, process: subprocess.Popen, home: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            (home / PID_FILE).unlink(missing_ok=True)
            raise Neo4jSetupError(f"the local Neo4j exited with {process.returncode} while starting; "
                                  f"see {home / LOG_FILE}")
        if is_up(uri, timeout=2.0):
            return
        time.sleep(1.0)
    raise Neo4jSetupError(f"the local Neo4j did not answer at {uri} within {timeout:.0f} s; see {home / LOG_FILE}")


def stop(home: Path | None = None, timeout: float = STOP_TIMEOUT) -> bool:
    """Stop the local server cleanly (SIGTERM runs its shutdown hook) and wait; False if it was not running."""
    home = home or home_dir()
    pid = _pid(home)
    if pid is None:
        (home / PID_FILE).unlink(missing_ok=True)
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except OSError:
            break
        _reap(pid)
        time.sleep(0.5)
    else:
        raise Neo4jSetupError(f"the local Neo4j (pid {pid}) did not stop within {timeout:.0f} s")
    (home / PID_FILE).unlink(missing_ok=True)
    return True


def _reap(pid: int) -> None:
    """Collect the exit status when the server is our own child, so it does not linger as a zombie."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass


def run_neo4j_admin(args: list[str], home: Path, *, heap: str | None = None) -> subprocess.CompletedProcess:
    """Run ``neo4j-admin <args>`` from the cached jars with ``home`` as NEO4J_HOME (data in ``home/data``).

    ``heap`` defaults to the server's (``KG_NEO4J_HEAP``, else 2g): the bulk import warned at 1g.

    A database the admin tool writes under ``home`` is what :func:`start` serves with the same ``home``.

    >>> run_neo4j_admin(["database", "import", "full", "--nodes=Paper=p.csv", "neo4j"], Path("/tmp/h"))  # doctest: +SKIP
    """
    cache = fetch()
    (home / "conf").mkdir(parents=True, exist_ok=True)
    (home / "conf" / "neo4j.conf").touch()
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    command = ["java", f"-Xmx{heap or memory_settings()['heap']}", "-cp", str(cache / "lib" / "*"), ADMIN_CLASS, *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=home)
