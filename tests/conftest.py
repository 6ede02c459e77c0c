"""Fixtures shared by the whole suite.

Tests run against the installed package from the ``tests/`` directory, so data
is located relative to this file, never the working directory.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"
# The inputs scripts/sample.sh builds, in its order: the Hugging Face pages, then the Semantic Scholar response.
SAMPLE_PATHS = [str(p) for pattern in ("*.txt", "*.json") for p in sorted((REPO_ROOT / "data" / "sample").glob(pattern))]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        pytest.fail(f"{SHARED_DIR} is missing: the suite needs ../shared beside the checkout")
    return SHARED_DIR


@pytest.fixture(scope="session")
def sample_paths() -> list[str]:
    assert len(SAMPLE_PATHS) == 6, "data/sample/*.txt or *.json is missing"
    return SAMPLE_PATHS


@pytest.fixture(scope="session")
def seed_paths(sample_paths) -> list[str]:
    """The sample's five Hugging Face pages alone (no references: the papers kg enrich looks up)."""
    return [path for path in sample_paths if path.endswith(".txt")]


@pytest.fixture(scope="session")
def seed_graph(seed_paths):
    """The MultiDiGraph of the five seed pages, as the judged sample's "seeds" corpus was built."""
    import kg
    return kg.build(seed_paths, workers=1).to_networkx()


@pytest.fixture(scope="session")
def sample_graph(sample_paths):
    """The MultiDiGraph of the shipped sample, built once per session (treat as read-only)."""
    import kg
    return kg.build(sample_paths, workers=1).to_networkx()


@pytest.fixture(scope="session")
def run_kg():
    """Run the installed ``kg`` command: ``run_kg("info", d, "--json")`` -> CompletedProcess."""
    executable = Path(sys.executable).with_name("kg")

    def run(*args, check: bool = False, **kwargs) -> subprocess.CompletedProcess:
        kwargs = {"timeout": 900, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
        result = subprocess.run([str(executable), *map(str, args)], text=True, **kwargs)
        if check and result.returncode != 0:
            raise AssertionError(f"kg {' '.join(map(str, args))} exited {result.returncode}:\n{result.stderr}")
        return result

    return run


@pytest.fixture(scope="session")
def neo4j_driver():
    """A driver on the Neo4j at NEO4J_URI; starts the local server when the URI is local and nothing answers.

    Fails (never skips) when Neo4j cannot be reached. A server this fixture started is stopped at the end.
    """
    from kg import db, neo4j_server
    from kg.errors import KgError
    uri = db.settings()["uri"]
    started = False
    try:
        if neo4j_server.is_local(uri) and not neo4j_server.is_up(uri):
            started = neo4j_server.start(uri)
        driver = db.connect()
    except KgError as exc:
        pytest.fail(f"the @neo4j tests need Neo4j at {uri}: {exc}")
    yield driver
    driver.close()
    if started:
        neo4j_server.stop()


@pytest.fixture
def empty_neo4j(neo4j_driver):
    """The driver on a database emptied before the test (schema kept)."""
    from loaders.neo4j_writer import wipe_database
    with neo4j_driver.session() as session:
        wipe_database(session)
    return neo4j_driver
