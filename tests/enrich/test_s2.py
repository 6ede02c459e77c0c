"""`kg enrich` against the local fake Semantic Scholar: the exact CITES edges, retries, the key, the cache."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import kg
from kg import mirror
from kg.model import title_key

FAST = ("--interval", "0", "--tries", "3", "--backoff", "0.05", "--timeout", "1")


def seed_node(title: str) -> str:
    return "paper:" + title_key(title)


def stub_node(paper: dict) -> str:
    """The node id kg gives a cited paper it does not have: arXiv id, else DOI (docs/schema.md)."""
    ids = paper["externalIds"]
    return "paper:" + (ids["ArXiv"] if ids.get("ArXiv") else "doi:" + ids["DOI"].lower())


@dataclass
class World:
    """Seed papers S2 knows (by letter), and the CITES edges a correct run adds."""

    seeds: dict
    ids: dict
    references: set = field(default_factory=set)
    citations: set = field(default_factory=set)


def seed_world(api, turing: dict, titles: list[str], as_seed) -> World:
    """A, B, C, D are S2 papers found by title; E's title match is another paper (to refuse);
    F is not matched by title but is cited by A under its own id, so only its title links it."""
    A, B, C, D, E, F = titles[:6]
    papers = {"A": as_seed(turing, A, 1, ArXiv="2401.00001"), "B": as_seed(turing, B, 2, ArXiv="2401.00002"),
              "C": as_seed(turing, C, 3, DOI="10.5555/Seed.C"), "D": as_seed(turing, D, 4),
              "F": as_seed(turing, F, 6)}
    for paper in [*papers.values(), turing]:
        api.papers[paper["paperId"]] = paper
    for letter in "ABCD":
        api.matches[title_key(papers[letter]["title"])] = papers[letter]["paperId"]
    api.matches[title_key(E)] = turing["paperId"]  # S2's "best match" for E is Turing's paper: not E
    cited_by_a = [papers["B"], *turing["references"][:5], papers["C"], *turing["references"][5:], papers["F"]]
    first = turing["references"][0]
    api.references = {papers["A"]["paperId"]: cited_by_a, papers["B"]["paperId"]: [papers["A"], first, first],
                      papers["C"]["paperId"]: [], turing["paperId"]: turing["references"]}
    api.citations = {papers["A"]["paperId"]: [*turing["citations"][:5], papers["D"]],
                     papers["B"]["paperId"]: [papers["A"]], turing["paperId"]: turing["citations"][:3]}
    refs = lambda letter: f"/graph/v1/paper/{papers[letter]['paperId']}/references"  # noqa: E731
    api.first_request_fault = "429"
    api.faults = {refs("A"): ["malformed"], refs("B"): ["slow"], refs("C"): ["503"]}
    api.always_failing = {refs("D")}
    world = World({letter: title for letter, title in zip("ABCDEF", titles)},
                  {letter: paper["paperId"] for letter, paper in papers.items()})
    a, b = seed_node(A), seed_node(B)
    world.references = ({(a, seed_node(B)), (a, seed_node(C)), (a, seed_node(F)), (b, a), (b, stub_node(first))}
                        | {(a, stub_node(r)) for r in turing["references"] if r.get("paperId")})
    world.citations = {(stub_node(c), a) for c in turing["citations"][:5]} | {(seed_node(D), a)}
    return world


def cites(directory: Path) -> set[tuple[str, str]]:
    return {(u, v) for u, v, k in mirror.read(directory).edges(keys=True) if k == "CITES"}


API_KEY = "test-key-5f3a9c"  # the conftest's api_key fixture: checked below to be the same


def enrich_env(url: str, **extra) -> dict:
    return {**os.environ, "KG_S2_API_URL": url, "S2_API_KEY": API_KEY, **extra}


@pytest.fixture
def world(fake_s2, turing, seed_titles, seed_paper):
    api, _ = fake_s2
    return seed_world(api, turing, seed_titles, seed_paper)


def test_adds_every_expected_edge_and_no_other(fake_s2, world, graph_dir, run_kg):
    api, url = fake_s2
    before = mirror.read(graph_dir)
    result = run_kg("enrich", "--graph", graph_dir, *FAST, env=enrich_env(url), check=True)
    assert cites(graph_dir) == world.references
    G = mirror.read(graph_dir)
    # Everything else is as it was; the new nodes are exactly the stubs, marked as such.
    assert {(u, v, k) for u, v, k in G.edges(keys=True) if k != "CITES"} == set(before.edges(keys=True))
    new_nodes = set(G) - set(before)
    assert new_nodes == {v for _, v in world.references if v not in before}
    assert all(G.nodes[n]["stub"] is True and G.nodes[n]["sources"] == ["s2-api"] for n in new_nodes)
    assert all(G.edges[u, v, "CITES"]["rule"] == "s2-api" for u, v in world.references)
    # The looked-up seeds gained the ids S2 gave them, and kept their keys.
    a = G.nodes[seed_node(world.seeds["A"])]
    assert (a["arxiv_id"], a["s2_id"], a["key"]) == ("2401.00001", world.ids["A"], title_key(world.seeds["A"]))
    assert "s2_id" not in G.nodes[seed_node(world.seeds["E"])]
    summary = result.stdout.splitlines()[0]
    assert "looked up 443 papers, matched 3, not found 440 (1 after failed requests" in summary
    assert f"added {len(world.references)} references and 0 citations" in summary
    assert "not found: " + world.seeds["D"] in result.stderr and "HTTP 500 (3 tries)" in result.stderr


def test_survives_a_429_first_and_honours_retry_after(fake_s2, world, graph_dir, run_kg):
    api, url = fake_s2
    run_kg("enrich", "--graph", graph_dir, *FAST, env=enrich_env(url), check=True)
    first, second = api.log[:2]
    assert first.status == 429 and second.status != 429
    assert (second.method, second.path, second.query) == (first.method, first.path, first.query)
    assert second.at - first.at >= 0.9, "Retry-After: 1 was not waited for (backoff alone is 0.05 s)"


def test_sends_the_key_and_never_writes_or_prints_it(fake_s2, world, graph_dir, run_kg, api_key):
    api, url = fake_s2
    assert api_key == API_KEY
    result = run_kg("enrich", "--graph", graph_dir, *FAST, env=enrich_env(url), check=True)
    assert api.log and all(r.headers.get("x-api-key") == API_KEY for r in api.log)
    assert all(API_KEY not in json.dumps(r.query) for r in api.log)
    assert API_KEY not in result.stdout + result.stderr
    for path in graph_dir.rglob("*"):
        if path.is_file():
            assert API_KEY.encode() not in path.read_bytes(), path


def test_retries_are_bounded_and_each_fault_was_served(fake_s2, world, graph_dir, run_kg):
    api, url = fake_s2
    run_kg("enrich", "--graph", graph_dir, *FAST, env=enrich_env(url), check=True)
    assert not any(api.faults.values()), "every queued fault (malformed, slow, 503) was answered once"
    d_refs = api.requests("GET", f"/graph/v1/paper/{world.ids['D']}/references")
    assert [r.status for r in d_refs] == [500, 500, 500]
    # Paging: A's 18 references came in pages of 3 following `next`, the malformed first page asked twice.
    a_refs = api.requests("GET", f"/graph/v1/paper/{world.ids['A']}/references")
    assert [int(r.query["offset"]) for r in a_refs] == [0, 0, 3, 6, 9, 12, 15]
    assert {r.query["limit"] for r in a_refs} == {"1000"}


def test_second_run_makes_no_request(fake_s2, world, graph_dir, run_kg):
    api, url = fake_s2
    run_kg("enrich", "--graph", graph_dir, *FAST, env=enrich_env(url), check=True)
    first_run, edges = len(api.log), cites(graph_dir)
    api.always_failing.clear()  # D's references would answer now: it is asked again, being no answer yet
    result = run_kg("enrich", "--graph", graph_dir, *FAST, env=enrich_env(url), check=True)
    assert [r.path for r in api.log[first_run:]] == [f"/graph/v1/paper/{world.ids['D']}/references"]
    assert cites(graph_dir) == edges, "D cites nothing; the rest came from the cache"
    assert "1 requests" in result.stdout
    api.always_failing.add("never")
    third = len(api.log)
    run_kg("enrich", "--graph", graph_dir, *FAST, env=enrich_env(url), check=True)
    assert len(api.log) == third
    assert cites(graph_dir) == edges


def test_interrupted_run_resumes_without_asking_twice(fake_s2, world, graph_dir):
    api, url = fake_s2
    api.first_request_fault = None
    command = [str(Path(sys.executable).with_name("kg")), "enrich", "--graph", str(graph_dir),
               "--interval", "0.02", "--tries", "3", "--backoff", "0.05", "--timeout", "1"]
    process = subprocess.Popen(command, env=enrich_env(url), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while len(api.log) < 60 and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130 and b"Traceback" not in stderr
    assert cites(graph_dir) == set(), "an interrupted run writes no generation"
    asked = {(r.path, json.dumps(r.query, sort_keys=True)) for r in api.log if r.status in (200, 404)}
    interrupted_at = len(api.log)
    subprocess.run(command, env=enrich_env(url), check=True, capture_output=True, timeout=300)
    again = [(r.path, json.dumps(r.query, sort_keys=True)) for r in api.log[interrupted_at:]]
    assert 0 < len(again) < 443 + 10
    # At most the one request in flight when the signal came is asked again.
    assert len(asked & set(again)) <= 1
    assert cites(graph_dir) == world.references


def test_citations_adds_the_citing_papers(fake_s2, world, graph_dir, run_kg):
    api, url = fake_s2
    result = run_kg("enrich", "--graph", graph_dir, "--citations", *FAST, env=enrich_env(url), check=True)
    assert cites(graph_dir) == world.references | world.citations
    assert f"added {len(world.references)} references and {len(world.citations)} citations" in result.stdout
    assert api.requests("GET", f"/graph/v1/paper/{world.ids['B']}/citations")  # asked; A->B already known


def test_unreachable_api_is_one_line_and_exit_4(graph_dir, run_kg):
    import socket
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    before = (graph_dir / "graph.json.gz").read_bytes()
    result = run_kg("enrich", "--graph", graph_dir, *FAST, env=enrich_env(f"http://127.0.0.1:{port}/graph/v1"))
    assert result.returncode == 4
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert f"cannot reach Semantic Scholar at http://127.0.0.1:{port}/graph/v1" in result.stderr
    assert (graph_dir / "graph.json.gz").read_bytes() == before


def test_a_refused_key_stops_the_run_with_exit_5(fake_s2, world, graph_dir, run_kg):
    api, url = fake_s2
    api.first_request_fault = "403"
    result = run_kg("enrich", "--graph", graph_dir, *FAST, env=enrich_env(url))
    assert result.returncode == 5 and "check the API key" in result.stderr and API_KEY not in result.stderr
    assert len(api.log) == 1


def test_usage_and_bad_directory(run_kg, tmp_path):
    assert run_kg("enrich", "--help").returncode == 0
    assert run_kg("enrich", "--graph", tmp_path, "--tries", "0").returncode == 2
    result = run_kg("enrich", "--graph", tmp_path / "nothing-here")
    assert result.returncode == 1 and "not a kg graph directory" in result.stderr


def test_new_generation_keeps_mentions_and_records_the_run(fake_s2, world, graph_dir, run_kg):
    api, url = fake_s2
    mentions = (graph_dir / "mentions.jsonl.gz").read_bytes()
    old_target = os.readlink(graph_dir / ".generations" / "current")
    run_kg("enrich", "--graph", graph_dir, *FAST, env=enrich_env(url), check=True)
    assert os.readlink(graph_dir / ".generations" / "current") != old_target
    assert (graph_dir / "mentions.jsonl.gz").read_bytes() == mentions
    manifest = json.loads((graph_dir / "manifest.json").read_text())
    assert manifest["counts"] == mirror.counts(mirror.read(graph_dir))
    assert manifest["inputs"] and manifest["enrichments"][-1]["references"] == len(world.references)
    assert "Traceback" not in run_kg("info", graph_dir, check=True).stderr


def test_batch_endpoint_for_papers_with_ids(fake_s2, turing, tmp_path, run_kg, seed_paper):
    as_seed = seed_paper
    api, url = fake_s2
    known = as_seed(turing, "A Paper With An arXiv Id", 7, ArXiv="2402.00007")
    by_doi = as_seed(turing, "A Paper With A DOI", 8, DOI="10.5555/By.DOI")
    for paper in (known, by_doi, turing):
        api.papers[paper["paperId"]] = paper
    api.references = {known["paperId"]: [by_doi, *turing["references"][:2]], by_doi["paperId"]: []}
    records = [{"id": "2402.00007", "title": known["title"]}, {"title": "Nobody Knows This", "doi": "10.9/none"},
               {"title": by_doi["title"], "doi": "10.5555/by.doi"}]
    source = tmp_path / "papers.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    run_kg("build", source, "--out", tmp_path / "g", "--workers", 1, check=True)
    run_kg("enrich", "--graph", tmp_path / "g", *FAST, env=enrich_env(url), check=True)
    batch, = api.requests("POST", "/graph/v1/paper/batch")
    assert batch.body == {"ids": ["arXiv:2402.00007", "DOI:10.9/none", "DOI:10.5555/by.doi"]}
    assert "externalIds" in batch.query["fields"].split(",")
    assert not api.requests("GET", "/graph/v1/paper/arXiv:2402.00007"), "the batch answered it"
    # The id S2 did not know (null in the batch) is tried by title, which 404s.
    assert [r.query["query"] for r in api.requests("GET", "/graph/v1/paper/search/match")] == ["Nobody Knows This"]
    assert cites(tmp_path / "g") == {("paper:2402.00007", "paper:doi:10.5555/by.doi"),
                                     *{("paper:2402.00007", stub_node(r)) for r in turing["references"][:2]}}


def test_failed_batch_falls_back_to_one_paper_at_a_time(fake_s2, turing, tmp_path, run_kg, seed_paper):
    as_seed = seed_paper
    api, url = fake_s2
    known = as_seed(turing, "A Paper With An arXiv Id", 7, ArXiv="2402.00007")
    api.papers[known["paperId"]] = known
    api.references = {known["paperId"]: turing["references"][:1]}
    api.always_failing = {"/graph/v1/paper/batch"}
    source = tmp_path / "papers.jsonl"
    source.write_text(json.dumps({"id": "2402.00007", "title": known["title"]}) + "\n")
    run_kg("build", source, "--out", tmp_path / "g", "--workers", 1, check=True)
    run_kg("enrich", "--graph", tmp_path / "g", *FAST, env=enrich_env(url), check=True)
    assert len(api.requests("POST", "/graph/v1/paper/batch")) == 3
    assert api.requests("GET", "/graph/v1/paper/arXiv:2402.00007")
    assert cites(tmp_path / "g") == {("paper:2402.00007", stub_node(turing["references"][0]))}


def test_python_api_enrich(fake_s2, world, graph_dir, monkeypatch):
    api, url = fake_s2
    monkeypatch.setenv("KG_S2_API_URL", url)
    monkeypatch.setenv("S2_API_KEY", API_KEY)
    g = kg.open(graph_dir)
    report = g.enrich(citations=True, tries=3, backoff=0.05, timeout=1, interval=0)
    expected = world.references | world.citations
    assert {(u, v) for u, v, k in g.to_networkx().edges(keys=True) if k == "CITES"} == expected
    assert (report.matched, report.references + report.citations) == (3, len(expected))
    assert cites(graph_dir) == expected, "a graph opened from a directory is saved back as a new generation"
    assert {row["paper"] for row in g.citations(world.seeds["B"])} >= {seed_node(world.seeds["A"])}
