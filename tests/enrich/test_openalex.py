"""`kg enrich --source openalex` against a local fake OpenAlex: works by title and DOI, referenced_works, cites."""
from __future__ import annotations

import os

from kg import mirror
from kg.model import title_key

FAST = ("--source", "openalex", "--interval", "0", "--tries", "3", "--backoff", "0.05", "--timeout", "1")


def test_openalex_references_and_citations(fake_openalex, turing, seed_titles, work_of, graph_dir, run_kg):
    api, url = fake_openalex
    A, B = seed_titles[:2]
    refs = [r for r in turing["references"] if (r.get("externalIds") or {}).get("DOI")][:4]
    api.works = {f"W{200 + i}": work_of(r, 200 + i) for i, r in enumerate(refs)}
    api.works["W100"] = work_of(turing, 100)
    api.works["W2"] = work_of({"title": B}, 2)
    # A cites Turing, B, three references OpenAlex has details for, and one it has none for (W999).
    api.works["W1"] = work_of({"title": A, "externalIds": {"DOI": "10.5555/A"}}, 1,
                              ["W100", "W2", "W200", "W201", "W202", "W999"])
    citing = [work_of(c, 300 + i) for i, c in enumerate(turing["citations"][:5]) if c["externalIds"].get("DOI")]
    api.cited_by = {"W1": citing}
    api.faults = {"/works": ["429", "malformed"]}
    env = {**os.environ, "KG_OPENALEX_API_URL": url, "OPENALEX_MAILTO": "kg-tests@example.org"}
    result = run_kg("enrich", "--graph", graph_dir, "--citations", *FAST, env=env, check=True)
    a, b = "paper:" + title_key(A), "paper:" + title_key(B)
    doi_node = lambda work: "paper:doi:" + work["doi"][len("https://doi.org/"):]  # noqa: E731
    expected = ({(a, b), (a, doi_node(api.works["W100"])), (a, "paper:openalex:W999")}
                | {(a, doi_node(api.works[w])) for w in ("W200", "W201", "W202")}
                | {(doi_node(w), a) for w in citing})
    G = mirror.read(graph_dir)
    assert {(u, v) for u, v, k in G.edges(keys=True) if k == "CITES"} == expected
    assert G.nodes[a]["openalex_id"] == "W1" and G.nodes[a]["doi"] == "10.5555/a"
    assert all(r.query.get("mailto") == "kg-tests@example.org" for r in api.log)
    # The referenced works' details came in one filter=openalex: request, citing works by cursor.
    filters = [r.query["filter"] for r in api.log if r.path == "/works" and r.status == 200]
    assert "openalex:W100|W2|W200|W201|W202|W999" in filters
    assert [r.query["cursor"] for r in api.log if r.query.get("filter") == "cites:W1"] == ["*", "2"]
    assert "OpenAlex: looked up 443 papers, matched 2" in result.stdout
    before = len(api.log)
    run_kg("enrich", "--graph", graph_dir, "--citations", *FAST, env=env, check=True)
    assert len(api.log) == before, "the second run asks nothing"
