"""The small typed model every part of kg shares: Paper, Entity, Mention, Edge.

Readers produce :class:`Paper` records, the extractor produces :class:`Mention`
records, resolution turns mentions into :class:`Entity` records, and the build
step assembles papers, entities and :class:`Edge` records into one graph.
Both backends (the NetworkX mirror and Neo4j) store exactly these records; the
graph schema is described in ``docs/schema.md``.

>>> p = Paper(title="Attention Is All You Need", arxiv_id="1706.03762")
>>> p.key
'1706.03762'
>>> p.node_id
'paper:1706.03762'
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field, fields
from functools import lru_cache
from json.encoder import encode_basestring as _json_string  # json.dumps(text, ensure_ascii=False), in C

# Node properties only the Neo4j copy has (docs/schema.md, "Only in Neo4j"): lookup keys and paper
# counts that let the named queries read indexes; written by the loader, dropped when reading back.
NEO4J_ONLY_PROPERTIES = ("lookup", "papers")

# Entity types the extractor knows, with the Neo4j label each one becomes.
ENTITY_LABELS = {
    "method": "Method",
    "dataset": "Dataset",
    "task": "Task",
    "metric": "Metric",
    "repository": "Repository",
    "link": "Link",
}
# Entity types that belong to the `kg extract` contract (links are graph-only).
CONTRACT_TYPES = ("method", "dataset", "task", "metric", "repository")

# Role of a mention -> relationship type from the paper to the entity.
ROLE_EDGE_TYPES = {
    "proposes": "PROPOSES",
    "introduces": "INTRODUCES",
    "uses": "USES",
    "evaluates_on": "EVALUATES_ON",
    "addresses": "ADDRESSES",
    "reports": "REPORTS",
    "has_code": "HAS_CODE",
    "links_to": "LINKS_TO",
}
# The role a mention of each type has unless a rule finds it new, and the role when it is new.
DEFAULT_ROLES = {"method": "uses", "dataset": "evaluates_on", "task": "addresses", "metric": "reports",
                 "repository": "has_code", "link": "links_to"}
NEW_ROLES = {"method": "proposes", "dataset": "introduces"}
# What sort of claim an entity node is (kg.entity_decision decides it; docs/extraction.md). Nodes by
# default are every kind but ``description``; rankings and views show NAMED_KINDS unless told otherwise.
NODE_KINDS = ("name", "concept", "generic")
KINDS = (*NODE_KINDS, "description")
NAMED_KINDS = ("name", "concept")
# Relationship types that extraction produces (replaced when a paper is re-extracted).
EXTRACTED_EDGE_TYPES = tuple(ROLE_EDGE_TYPES.values())
CITES = "CITES"
AUTHORED = "AUTHORED"  # (Author)-[:AUTHORED]->(Paper)

_DASHES = re.compile(r"[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]")
_NON_WORD = re.compile(r"[^\w.+#/-]+")
_DASH_RUN = re.compile(r"-{2,}")


@lru_cache(maxsize=1 << 16)  # every entity's node id is asked for several times; names repeat across papers
def slug(text: str) -> str:
    """Normalise a name into a readable, case-free key.

    >>> slug("  Contrastive Language\u2013Image  Pre-training ")
    'contrastive-language-image-pre-training'
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _DASHES.sub("-", text)
    text = _NON_WORD.sub("-", text)
    return _DASH_RUN.sub("-", text).strip("-./")


def title_key(title: str) -> str:
    """The paper key used when a paper has neither arXiv id nor DOI.

    >>> title_key("Attention Is All You Need!")
    'title:attention-is-all-you-need'
    >>> title_key(" ?! ")
    'title:?!'
    """
    text = unicodedata.normalize("NFKC", title).casefold()
    words = re.findall(r"\w+", text)
    # A title of only punctuation ("?!") keys on its characters, so "?!" and "..." stay two papers.
    return "title:" + ("-".join(words) or "".join(text.split()))


def normalize_arxiv_id(raw: str | None) -> str | None:
    """Strip URL prefixes and version suffixes from an arXiv id.

    >>> normalize_arxiv_id("https://arxiv.org/abs/2401.01234v3")
    '2401.01234'
    >>> normalize_arxiv_id("arXiv:hep-th/9901001")
    'hep-th/9901001'
    """
    if not raw:
        return None
    raw = str(raw).strip()
    raw = re.sub(r"^(https?://)?(www\.)?arxiv\.org/(abs|pdf)/", "", raw, flags=re.I)
    raw = re.sub(r"^arxiv:", "", raw, flags=re.I)
    raw = re.sub(r"(\.pdf)?$", "", raw)
    raw = re.sub(r"v\d+$", "", raw)
    return raw or None


def normalize_doi(raw: str | None) -> str | None:
    """Lower-case a DOI and strip resolver prefixes.

    >>> normalize_doi("https://doi.org/10.1093/MIND/LIX.236.433")
    '10.1093/mind/lix.236.433'
    """
    if not raw:
        return None
    raw = str(raw).strip()
    raw = re.sub(r"^(https?://)?(dx\.)?doi\.org/", "", raw, flags=re.I)
    raw = re.sub(r"^doi:", "", raw, flags=re.I)
    return raw.lower() or None


@dataclass(slots=True)
class PaperRef:
    """A pointer to a paper (a reference or citation) by whatever ids are known."""

    arxiv_id: str | None = None
    doi: str | None = None
    external_ids: dict[str, str] = field(default_factory=dict)
    title: str | None = None

    def keys(self) -> list[str]:
        """Every key this reference can be matched on, strongest first."""
        keys = []
        if self.arxiv_id:
            keys.append(self.arxiv_id)
        if self.doi:
            keys.append("doi:" + self.doi)
        keys += [f"{name}:{value}" for name, value in sorted(self.external_ids.items())]
        if self.title:
            keys.append(title_key(self.title))
        return keys


@dataclass(slots=True)
class Paper:
    """One paper record, as read from any source.

    ``date`` is kept exactly as the source printed it ("Feb 26" stays "Feb 26");
    ``published`` is an ISO ``YYYY-MM-DD`` date only when the source gives one.
    ``external_ids`` maps lower-case id kinds (``s2``, ``openalex``, ``mag``,
    ``corpus``, ``dblp``, ``pmid`` ...) to ids; arXiv id and DOI have fields of
    their own because they decide the paper's key.
    """

    title: str
    abstract: str = ""
    arxiv_id: str | None = None
    doi: str | None = None
    external_ids: dict[str, str] = field(default_factory=dict)
    authors: list[str] = field(default_factory=list)
    authors_count: int | None = None
    date: str | None = None
    published: str | None = None
    year: int | None = None
    upvotes: int | None = None
    categories: list[str] = field(default_factory=list)
    venue: str | None = None
    url: str | None = None
    code_url: str | None = None  # a repository the source itself names (HF `githubRepo`)
    references: list[PaperRef] = field(default_factory=list)  # papers this one cites
    cited_by: list[PaperRef] = field(default_factory=list)  # papers citing this one
    sources: list[str] = field(default_factory=list)  # input formats it was read from
    origin: str | None = None  # "FILE:LINE" of the first record it came from
    record_id: str | None = None  # the id the input record gave itself, echoed by `kg extract`
    stub: bool = False  # known only as a citation target, not read from input

    def __post_init__(self):
        self.arxiv_id = normalize_arxiv_id(self.arxiv_id)
        self.doi = normalize_doi(self.doi)

    @property
    def key(self) -> str:
        """Stable key: arXiv id, else ``doi:...``, else another id, else a title key."""
        return self.ref().keys()[0]

    @property
    def node_id(self) -> str:
        return "paper:" + self.key

    def ref(self) -> PaperRef:
        """A reference to this paper carrying all of its ids."""
        return PaperRef(self.arxiv_id, self.doi, dict(self.external_ids), self.title or None)


@dataclass(slots=True)  # no per-object __dict__: a 1M-paper build holds ~15M mentions
class Mention:
    """One place in a paper's text where the extractor found an entity.

    ``start``/``end`` are character offsets into the paper's ``field``
    (``title`` or ``abstract``), so ``getattr(paper, field)[start:end] == text``.
    ``sentence`` is the sentence index within the field and ``evidence`` the
    sentence text. ``source`` names the rule or component that found it.
    ``entity_id`` is filled in by resolution.
    """

    type: str
    text: str
    canonical: str
    role: str
    field: str
    start: int
    end: int
    sentence: int = 0
    evidence: str = ""
    source: str = ""
    entity_id: str | None = None
    kind: str | None = None  # the entity's kind once decided (kg.entity_decision): name ... description

    def to_contract(self) -> dict:
        """The mention as one entity object of the ``kg extract`` JSONL contract."""
        return json.loads(self.contract_json())

    def contract_json(self) -> str:
        """The contract's entity object as JSON, as ``json.dumps(..., ensure_ascii=False)`` writes it: written
        out, because the encoder's walk over a dict made for each mention took 2.5 times as long (``kg extract``
        writes every mention)."""
        kind = f', "kind": {_json_string(self.kind)}' if self.kind else ""
        return (f'{{"type": {_json_string(self.type)}, "text": {_json_string(self.text)}, '
                f'"canonical": {_json_string(self.canonical)}, "role": {_json_string(self.role)}, '
                f'"field": {_json_string(self.field)}, "start": {self.start}, "end": {self.end}, '
                f'"source": {_json_string(self.source)}{kind}}}')


@dataclass(slots=True)
class Entity:
    """A canonical method, dataset, task, metric, repository or link.

    ``kind`` says what sort of claim the node is (``name``, ``concept``, ``generic`` or
    ``description``, decided by :mod:`kg.entity_decision`) and ``confidence`` how sure kg is of it;
    ``host`` is where a repository or link lives (github, gitlab, huggingface_model, project_page ...).

    >>> Entity("method", "CLIP").node_id
    'method:clip'
    """

    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    host: str | None = None
    kind: str | None = None
    confidence: float | None = None

    @property
    def label(self) -> str:
        return ENTITY_LABELS[self.type]

    @property
    def node_id(self) -> str:
        return f"{self.type}:{slug(self.name)}"


@dataclass(slots=True)
class Edge:
    """A relationship between two nodes, with the evidence that put it there.

    For extracted edges the evidence is the first mention in reading order
    (``field``, ``start``, ``end``, ``sentence_index``, ``sentence``, ``rule``)
    and ``mentions`` counts them all. Citation edges name their input in ``rule``.
    """

    source: str
    type: str
    target: str
    field: str | None = None
    start: int | None = None
    end: int | None = None
    sentence_index: int | None = None
    sentence: str | None = None
    rule: str | None = None
    mentions: int = 1

    def properties(self) -> dict:
        """Properties as stored in both backends (``None`` values are left out).

        >>> Edge("paper:1", "CITES", "paper:2", rule="jsonl").properties()
        {'rule': 'jsonl', 'mentions': 1}
        """
        # Every property is a scalar, so reading the attributes is enough: dataclasses.asdict
        # deep-copies each one and was half of assembly.
        return {name: value for name in _EDGE_PROPERTIES if (value := getattr(self, name)) is not None}


# Edge fields that are properties, in declaration order (the order both backends store them in).
_EDGE_PROPERTIES = tuple(f.name for f in fields(Edge) if f.name not in ("source", "type", "target"))
