"""A local Semantic Scholar (and OpenAlex) on 127.0.0.1 that answers as the documented APIs do.

Its papers are the real S2 response in ../shared/formats/semantic-scholar/Paper.json (Turing's
"Computing Machinery and Intelligence", its references and its citing papers), re-titled and
re-numbered into the seed papers of data/sample where a test needs seed papers S2 knows. Faults
(429 with Retry-After, 5xx, malformed JSON, a slow answer) are queued per request path and served
once each, in order; every request is logged with its headers.
"""
from __future__ import annotations

import copy
import hashlib
import json
import shutil
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from kg import mirror
from kg.model import title_key

API_KEY = "test-key-5f3a9c"  # must reach the server and nowhere else


@dataclass
class Request:
    method: str
    path: str
    query: dict
    headers: dict
    body: object
    at: float
    status: int = 200


@dataclass
class FakeApi:
    """What the server knows and how it misbehaves; tests fill it, the handler reads it."""

    papers: dict = field(default_factory=dict)  # paperId -> paper object
    matches: dict = field(default_factory=dict)  # title key of a query -> paperId (or a paper with another title)
    references: dict = field(default_factory=dict)  # paperId -> [paper objects]
    citations: dict = field(default_factory=dict)
    faults: dict = field(default_factory=dict)  # path -> ["429", "503", "malformed", "slow", ...] served in turn
    always_failing: set = field(default_factory=set)  # paths answering 500 forever
    first_request_fault: str | None = None
    page_size: int = 3  # the server's own cap on a page, below the client's limit: paging must follow `next`
    slow_seconds: float = 2.5
    log: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def requests(self, method: str | None = None, path: str | None = None) -> list[Request]:
        return [r for r in self.log if (method is None or r.method == method)
                and (path is None or r.path == path or (path.endswith("*") and r.path.startswith(path[:-1])))]

    def next_fault(self, path: str) -> str | None:
        with self.lock:
            if self.first_request_fault and len(self.log) == 1:
                return self.first_request_fault
            if path in self.always_failing:
                return "500"
            queue = self.faults.get(path) or []
            return queue.pop(0) if queue else None


def only_fields(paper: dict, fields: str | None) -> dict:
    """The paper object with the requested top-level fields only (``paperId`` always), as S2 answers."""
    if not fields:
        return {"paperId": paper["paperId"], "title": paper["title"]}
    wanted = {"paperId", *fields.split(",")}
    return {k: v for k, v in paper.items() if k in wanted}


class S2Handler(BaseHTTPRequestHandler):
    api: FakeApi  # set on the subclass the fixture makes

    def log_message(self, *args):  # keep pytest's output clean
        pass

    def do_GET(self):
        self._serve("GET")

    def do_POST(self):
        self._serve("POST")

    def _serve(self, method: str):
        parts = urlsplit(self.path)
        path, query = unquote(parts.path), {k: v[0] for k, v in parse_qs(parts.query).items()}
        body = None
        if method == "POST":
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"null")
        request = Request(method, path, query, {k.lower(): v for k, v in self.headers.items()}, body, time.monotonic())
        with self.api.lock:
            self.api.log.append(request)
        fault = self.api.next_fault(path)
        if fault:
            return self._fault(request, fault)
        status, answer = self.answer(method, path, query, body)
        self._send(request, status, json.dumps(answer).encode())

    def _fault(self, request: Request, fault: str):
        if fault == "429":
            return self._send(request, 429, b'{"message": "Too Many Requests"}', {"Retry-After": "1"})
        if fault == "malformed":
            return self._send(request, 200, b'{"data": [{"citedPaper": ')
        if fault == "slow":
            time.sleep(self.api.slow_seconds)
            return self._send(request, 200, b'{"data": []}')  # too late: the client has given up on it
        self._send(request, int(fault), b'{"message": "Internal Server Error"}')

    def _send(self, request: Request, status: int, payload: bytes, headers: dict | None = None):
        request.status = status
        try:
            self.send_response(status)
            for name, value in {"Content-Type": "application/json", **(headers or {})}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client timed out first

    def answer(self, method: str, path: str, query: dict, body) -> tuple[int, object]:
        fields = query.get("fields")
        if method == "POST" and path == "/graph/v1/paper/batch":
            return 200, [only_fields(p, fields) if (p := self._by_id(i)) else None for i in body["ids"]]
        if path == "/graph/v1/paper/search/match":
            found = self.api.matches.get(title_key(query.get("query", "")))
            if found is None:
                return 404, {"error": "Title match not found"}
            return 200, {"data": [{**only_fields(self.api.papers[found], fields), "matchScore": 187.3}]}
        for kind, wrapper in (("references", "citedPaper"), ("citations", "citingPaper")):
            prefix, suffix = "/graph/v1/paper/", f"/{kind}"
            if path.startswith(prefix) and path.endswith(suffix):
                return self._page(getattr(self.api, kind).get(path[len(prefix):-len(suffix)]), wrapper, query)
        if path.startswith("/graph/v1/paper/"):
            paper = self._by_id(path[len("/graph/v1/paper/"):])
            return (200, only_fields(paper, fields)) if paper else (404, {"error": "Paper not found"})
        return 404, {"error": "no such endpoint"}

    def _by_id(self, ident: str) -> dict | None:
        kind, _, value = ident.rpartition(":")
        for paper in self.api.papers.values():
            ids = {"arXiv": paper["externalIds"].get("ArXiv"), "DOI": (paper["externalIds"].get("DOI") or "").lower(),
                   "CorpusId": str(paper["externalIds"].get("CorpusId")), "": paper["paperId"]}
            if ids.get(kind) == (value.lower() if kind == "DOI" else value):
                return paper
        return None

    def _page(self, papers: list | None, wrapper: str, query: dict) -> tuple[int, object]:
        if papers is None:
            return 404, {"error": "Paper not found"}
        offset, limit = int(query.get("offset", 0)), int(query.get("limit", 100))
        items = papers[offset:offset + min(limit, self.api.page_size)]
        page = {"offset": offset, "data": [{wrapper: only_fields(p, query.get("fields"))} for p in items]}
        if offset + len(items) < len(papers):
            page["next"] = offset + len(items)
        return 200, page


@contextmanager
def serving(api: FakeApi, handler: type, base_path: str):
    """``handler`` answering from ``api`` on a free port of 127.0.0.1, in a thread: (api, base URL)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), type("Handler", (handler,), {"api": api}))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield api, f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def fake_s2():
    """A running fake S2: yields (FakeApi, base URL); the server stops after the test."""
    with serving(FakeApi(), S2Handler, "/graph/v1") as running:
        yield running


@pytest.fixture(scope="session")
def turing(shared_dir) -> dict:
    """The real Semantic Scholar answer for one paper, with references and citations."""
    return json.loads((shared_dir / "formats" / "semantic-scholar" / "Paper.json").read_text(encoding="utf-8"))


def as_seed(template: dict, title: str, number: int, **ids) -> dict:
    """The Paper.json paper object re-titled as a seed paper with its own ids (``ArXiv``, ``DOI`` ...)."""
    paper = {k: copy.deepcopy(v) for k, v in template.items() if k not in ("references", "citations", "embedding")}
    paper["paperId"] = hashlib.sha1(title.encode()).hexdigest()
    paper["title"] = title
    paper["corpusId"] = 900000 + number
    paper["externalIds"] = {"CorpusId": 900000 + number, **ids}
    return paper


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory, run_kg, seed_paths) -> Path:
    """The seed pages built once by `kg build` (copy it before changing it)."""
    out = tmp_path_factory.mktemp("enrich-sample") / "graph"
    run_kg("build", *seed_paths, "--out", out, "--workers", 1, check=True)
    return out


@pytest.fixture
def graph_dir(sample_dir, tmp_path) -> Path:
    """A fresh copy of the sample graph directory, generations and symlinks as built."""
    target = tmp_path / "graph"
    shutil.copytree(sample_dir, target, symlinks=True)
    return target


@pytest.fixture(scope="session")
def seed_titles(sample_dir) -> list[str]:
    """The sample's paper titles in a fixed order (none of them carries an id: the pages print none)."""
    G = mirror.read(sample_dir)
    return sorted(attrs["title"] for _, attrs in G.nodes(data=True) if attrs["label"] == "Paper")


@pytest.fixture(scope="session")
def api_key() -> str:
    return API_KEY


@pytest.fixture(scope="session")
def seed_paper():
    """:func:`as_seed`, for tests (test modules do not import the conftest)."""
    return as_seed


@dataclass
class FakeOpenAlex(FakeApi):
    works: dict = field(default_factory=dict)  # short id (W...) -> work
    cited_by: dict = field(default_factory=dict)  # short id -> [works citing it]


class OpenAlexHandler(S2Handler):
    """GET /works/<id>, /works/doi:<doi>, /works?filter=openalex:W1|W2, cites:W (cursor-paged), title.search."""

    def answer(self, method: str, path: str, query: dict, body) -> tuple[int, object]:
        works = self.api.works
        if path.startswith("/works/doi:"):
            doi = path[len("/works/doi:"):].lower()
            found = next((w for w in works.values() if w.get("doi") == "https://doi.org/" + doi), None)
            return (200, found) if found else (404, {"error": "not found"})
        if path.startswith("/works/"):
            found = works.get(path[len("/works/"):])
            return (200, found) if found else (404, {"error": "not found"})
        if path != "/works":
            return 404, {"error": "no such endpoint"}
        kind, _, value = query.get("filter", "").partition(":")
        if kind == "openalex":
            return 200, {"meta": {"count": 0}, "results": [works[w] for w in value.split("|") if w in works]}
        if kind == "title.search":
            return 200, {"results": [w for w in works.values() if title_key(w["display_name"]) == title_key(value)]}
        if kind == "cites":
            citing = self.api.cited_by.get(value, [])
            start = 0 if query.get("cursor") == "*" else int(query["cursor"])
            end = start + self.api.page_size
            return 200, {"meta": {"next_cursor": str(end) if end < len(citing) else None},
                         "results": citing[start:end]}
        return 400, {"error": "unsupported filter"}


def as_work(paper: dict, number: int, referenced: list[str] = ()) -> dict:
    """An S2 paper object of Paper.json as the OpenAlex work it would be."""
    doi = (paper.get("externalIds") or {}).get("DOI")
    return {"id": f"https://openalex.org/W{number}", "doi": f"https://doi.org/{doi.lower()}" if doi else None,
            "display_name": paper["title"], "publication_year": paper.get("year"),
            "publication_date": paper.get("publicationDate"), "ids": {"openalex": f"https://openalex.org/W{number}"},
            "referenced_works": [f"https://openalex.org/{w}" for w in referenced]}


@pytest.fixture
def fake_openalex():
    """A running fake OpenAlex (pages of 2): yields (FakeOpenAlex, base URL)."""
    with serving(FakeOpenAlex(page_size=2), OpenAlexHandler, "") as running:
        yield running


@pytest.fixture(scope="session")
def work_of():
    return as_work
