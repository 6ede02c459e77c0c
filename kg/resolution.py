"""Corpus-wide canonicalisation: one entity per method, dataset, task, metric, repository or link.

Mentions whose names agree on :func:`kg.extraction.lexicon.name_key` (case, hyphen,
unicode-dash and plural variants) are one entity; so are the long and short forms
of an acronym definition (``Latent Label Shift (LLS)``) and the aliases of a
lexicon entry (``CLIP`` = ``Contrastive Language-Image Pre-training``). A short
form defined differently in different papers is only merged within each paper.

>>> from kg.model import Mention
>>> a = Mention("method", "Latent Label Shift (LLS)", "LLS", "proposes", "abstract", 0, 24)
>>> b = Mention("method", "LLS", "LLS", "uses", "abstract", 10, 13)
>>> [e.name for e in resolve([[a], [b]])], b.entity_id
(['LLS'], 'method:lls')
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Sequence

from kg.extraction.components.doc_tables import looks_like_name
from kg.extraction.lexicon import english, load, name_key, read_json
from kg.extraction.urls import canonical_url
from kg.model import DEFAULT_ROLES, NEW_ROLES, Entity, Mention
from kg.name_flaws import task_heads

# "Long (SHORT)", maybe a head word; markdown's *emphasis* around the long form is no part of it
_DEFINITION = re.compile(r"^(?P<long>.*[^\s*])\*?\s*\((?P<short>[^()]+)\)(?:\s+\S+)?$")
_URL_TYPES = ("repository", "link")
# A name this many other papers use is an existing method or dataset, not one a paper proposes in passing.
WIDELY_USED = 3
# How much a rule's typing of a name weighs when mentions of one name disagree on its type.
_TYPE_EVIDENCE = {"lexicon": 5, "acronym": 4, "described_name": 4, "cue_phrase": 3, "task_phrase": 3,
                  "title_name": 2}
_PHRASE_RULES = ("cue_phrase", "task_phrase")  # rules that type a phrase by its head word
# rules that type a name by its context, or by default (a title's name is a method unless its subtitle says)
_GUESSED_TYPE = ("name_shape", "bare_name", "acronym_ref", "title_name")
Node = tuple[str, str]  # (entity type, name key)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}

    def find(self, node: Node) -> Node:
        self.parent.setdefault(node, node)
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def union(self, a: Node, b: Node) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)


def _name_key(name: str) -> str:
    """:func:`name_key`, except that an all-capitals name spelling a common word keeps its capitals:
    ``POINTS`` (a model) is no plural of ``point``, ``ECHO`` no ``echo``.

    >>> _name_key("POINTS") == _name_key("points"), _name_key("XSUM") == _name_key("XSum")
    (False, True)
    """
    if len(name) > 2 and name.isupper() and name.isalpha() and name.lower() in english("common"):
        return "=" + name
    return name_key(name)


def definition(mention: Mention) -> tuple[str, str] | None:
    """``(long, short)`` when the mention is an acronym definition."""
    # a definition wrapped over two lines ("3D Gaussian\nSplatting (3D-GS)") is one definition
    match = _DEFINITION.match(" ".join(mention.text.split())) if mention.source == "acronym" else None
    return (match["long"], match["short"]) if match else None


def _key(type_: str, name: str) -> Node:
    return (type_, name.casefold() if type_ in _URL_TYPES else _name_key(name))


def resolve(mentions_per_paper: Sequence[Sequence[Mention]]) -> list[Entity]:
    """Set ``canonical`` and ``entity_id`` on every mention in place; return the entities."""
    vote_types(mentions_per_paper)
    type_as_defined(mentions_per_paper)
    fold_generic_tails(mentions_per_paper)
    uf = _UnionFind()
    definitions, ambiguous = _link_definitions(mentions_per_paper, uf)
    resources = load()
    # One node per name, shared by its mentions, and one per mention in reading order (not a
    # (mention, node) pair): at 15M mentions, tuples and key strings of their own were gigabytes.
    shared: dict[tuple[str, str], Node] = {}
    nodes: list[Node] = []
    for paper_mentions in mentions_per_paper:
        local = definitions.get(id(paper_mentions), {})
        for mention in paper_mentions:
            found = definition(mention)
            name = (mention.type, found[0] if found else mention.canonical)
            node = shared.get(name) or shared.setdefault(name, _key(*name))
            node = local.get(node, node)
            entry = resources.lookup(mention.type, mention.canonical) if mention.type not in _URL_TYPES else None
            if entry:
                uf.union(node, _key(mention.type, entry.name))
            nodes.append(node)
    del shared
    entities = _entities(mentions_per_paper, nodes, uf, ambiguous)
    _demote_known_proposals(mentions_per_paper, {e.node_id for e in entities if _in_lexicon(e)})
    return entities


def vote_types(mentions_per_paper: Sequence[Sequence[Mention]]) -> None:
    """A name found only by its shape (``XSUM``, ``Kinetics-400``, ``HOI``) takes the type the corpus
    gives it with more weight elsewhere: the lexicon, an acronym definition, a cue phrase (``the XSUM
    dataset``) outweigh a guess from a list context or the method default."""
    votes: dict[str, Counter] = defaultdict(Counter)
    resources = load()
    for paper_mentions in mentions_per_paper:
        for mention in paper_mentions:
            if mention.type not in _URL_TYPES:
                key = _name_key(mention.canonical)
                if key not in votes and (entry := resources.lookup_any(mention.canonical)):
                    votes[key][entry.type] += _TYPE_EVIDENCE["lexicon"]  # XSUM is the lexicon's XSum
                votes[key][mention.type] += _TYPE_EVIDENCE.get(mention.source, 1)
    for paper_mentions in mentions_per_paper:
        for mention in paper_mentions:
            if mention.source in _GUESSED_TYPE:
                tally = votes[_name_key(mention.canonical)]
                best, weight = max(tally.items(), key=lambda item: (item[1], item[0] == mention.type))
                if best != mention.type and weight > tally[mention.type]:
                    _retype(mention, best)


def type_as_defined(mentions_per_paper: Sequence[Sequence[Mention]]) -> None:
    """A phrase a paper also defines as an acronym takes the definition's type there: the title's
    "Differentiable Neural Input Search for Recommender Systems" reads as a task by its head word,
    but the abstract's "we propose Differentiable Neural Input Search (DNIS), a method ..." says
    it is the method DNIS."""
    for paper_mentions in mentions_per_paper:
        defined = {_name_key(found[0]): m.type for m in paper_mentions if (found := definition(m))}
        if not defined:
            continue
        for mention in paper_mentions:
            type_ = defined.get(_name_key(mention.canonical))
            if type_ and type_ != mention.type and mention.source in _PHRASE_RULES:
                _retype(mention, type_)


def fold_generic_tails(mentions_per_paper: Sequence[Sequence[Mention]]) -> None:
    """``contrastive learning framework`` and ``UFGIR methods`` name what the corpus already names
    without the generic word (``contrastive learning``, ``UFGIR``), and so does a name with a trailing
    task word (``BEIR retrieval`` is BEIR), or with a common word before a name (``base RLFT`` is RLFT): such a
    mention becomes a mention of that entity."""
    heads, resources = _generic_heads(), load()
    known: dict[str, Counter] = defaultdict(Counter)  # names some mention writes out whole, by type
    for paper_mentions in mentions_per_paper:
        for mention in paper_mentions:
            if mention.type not in _URL_TYPES and mention.source not in ("name_shape", "bare_name"):
                whole = mention.canonical if mention.source in ("lexicon", "acronym", "acronym_ref") else mention.text
                known[_name_key(whole)][mention.type] += 1
    for paper_mentions in mentions_per_paper:
        for mention in paper_mentions:
            if mention.type in _URL_TYPES or mention.source in ("acronym", "lexicon"):
                continue
            base, tail = _folded(mention.canonical)
            if base is None:
                continue
            types = known.get(_name_key(base), _NO_TYPES)
            entry = resources.lookup_any(base)
            # a generic tail folds into the same type ("vision-language models" is no mention of the task
            # "vision-language"); a task word after a name folds into whatever the name is (BEIR retrieval)
            target = entry.type if entry else mention.type if types[mention.type] else \
                types.most_common(1)[0][0] if types and tail not in heads else None
            if target:
                mention.canonical = entry.name if entry else base
                if target != mention.type:
                    _retype(mention, target)


_NO_TYPES: Counter = Counter()  # read only: a name no mention writes out whole


@lru_cache(maxsize=1 << 16)  # once per name, not once per mention (a name has four mentions on average)
def _folded(name: str) -> tuple[str | None, str | None]:
    """``name`` without its generic or task tail and the tail, else without the common words before it
    and no tail, else ``(None, None)``."""
    base, tail = _without_tail(name, _generic_heads(), task_heads())
    if base is None:
        base, tail = _without_loose_word(name), None
    return base, tail


@lru_cache(maxsize=1)
def _generic_heads() -> frozenset[str]:
    return frozenset(read_json("entity_decision.json")["generic_heads"])


def _without_tail(name: str, heads: frozenset, task_words: frozenset) -> tuple[str | None, str | None]:
    """``name`` without its trailing generic words (``Transformer model architecture`` -> ``Transformer``),
    or without a trailing task word after a name (``BEIR retrieval`` -> ``BEIR``); else ``(None, None)``."""
    parts = name.split()
    end = len(parts)
    while end > 1 and parts[end - 1].islower() and parts[end - 1] in heads:
        end -= 1
    if end == len(parts) and len(parts) == 2 and parts[1] in task_words and looks_like_name(parts[0]):
        end = 1
    return (" ".join(parts[:end]), parts[-1]) if end < len(parts) else (None, None)


def _without_loose_word(name: str) -> str | None:
    """The name after common words the span took in before it (``base RLFT``, ``challenge CLIP``,
    ``hybrid SEM-ANN``, ``memory-efficient PETL``, ``off-the-shelf 3D GAN``), else None; it folds into
    the name where the corpus writes the name alone."""
    parts = name.split()
    common = english("common")
    first = 0
    while first < len(parts) - 1 and parts[first].islower() and all(p in common for p in parts[first].split("-")):
        first += 1
    if first and len(parts) - first <= 2 and any(looks_like_name(p) for p in parts[first:]):
        return " ".join(parts[first:])
    return None


def _retype(mention: Mention, type_: str) -> None:
    new = mention.role in NEW_ROLES.values()
    mention.type = type_
    mention.role = NEW_ROLES.get(type_, DEFAULT_ROLES[type_]) if new else DEFAULT_ROLES[type_]


def _in_lexicon(entity: Entity) -> bool:
    return entity.type not in _URL_TYPES and load().lookup(entity.type, entity.name) is not None


def _demote_known_proposals(mentions_per_paper, lexicon_ids: set[str]) -> None:
    """A paper proposes a lexicon or widely used name only when its title names it (``Grad-CAM: ...``)."""
    users: dict[str, set[int]] = defaultdict(set)
    for paper, paper_mentions in enumerate(mentions_per_paper):
        for mention in paper_mentions:
            if mention.role == DEFAULT_ROLES[mention.type]:
                users[mention.entity_id].add(paper)
    new_roles = set(NEW_ROLES.values())
    for paper, paper_mentions in enumerate(mentions_per_paper):
        titled = {m.entity_id for m in paper_mentions if m.source == "title_name"}
        for mention in paper_mentions:
            if mention.role not in new_roles or mention.entity_id in titled:
                continue
            others = users.get(mention.entity_id, ())
            # len minus membership, not len(others - {paper}): that copied the set of a name's users
            # for every mention, quadratic in a popular name's papers (hours at 1M papers)
            if mention.entity_id in lexicon_ids or len(others) - (paper in others) >= WIDELY_USED:
                mention.role = DEFAULT_ROLES[mention.type]


def _link_definitions(mentions_per_paper, uf: _UnionFind) -> tuple[dict[int, dict[Node, Node]], set[Node]]:
    """Union long and short forms.

    Returns, per paper, short-form nodes -> that paper's long-form node, and the
    short forms defined with different long forms in different papers.
    """
    long_forms: dict[Node, set[Node]] = defaultdict(set)
    per_paper: dict[int, dict[Node, Node]] = {}
    for paper_mentions in mentions_per_paper:
        for mention in paper_mentions:
            found = definition(mention)
            if not found:
                continue
            long, short = found
            long_node, short_node = _key(mention.type, long), _key(mention.type, short)
            long_forms[short_node].add(long_node)
            per_paper.setdefault(id(paper_mentions), {})[short_node] = long_node
    for short_node, longs in long_forms.items():
        if len(longs) == 1:  # an acronym with one meaning in the corpus names the same thing everywhere
            uf.union(short_node, next(iter(longs)))
    return per_paper, {short for short, longs in long_forms.items() if len(longs) > 1}


def _entities(mentions_per_paper: Sequence[Sequence[Mention]], nodes: list[Node], uf: _UnionFind,
              ambiguous: set[Node]) -> list[Entity]:
    """The entity of each group of nodes; ``nodes`` are the mentions' nodes in reading order."""
    groups: dict[Node, list[Mention]] = defaultdict(list)
    for mention, node in zip((m for paper_mentions in mentions_per_paper for m in paper_mentions), nodes):
        groups[uf.find(node)].append(mention)
    nodes.clear()
    entities: dict[str, Entity] = {}
    for members in groups.values():
        entity = _entity(members, ambiguous)
        known = entities.setdefault(entity.node_id, entity)
        if known is not entity:
            known.aliases = sorted(set(known.aliases) | set(entity.aliases) | {entity.name} - {known.name})
        node_id = known.node_id  # one string for the entity's mentions (the property makes a new one each time)
        for mention in members:
            mention.canonical, mention.entity_id = known.name, node_id
    return list(entities.values())


def _entity(members: list[Mention], ambiguous: set[Node]) -> Entity:
    """Name a group: the lexicon name, else the acronym (methods, datasets; unless it has several
    meanings in the corpus) or the long form, else the commonest name."""
    type_ = members[0].type
    if type_ in _URL_TYPES:
        name = members[0].canonical
        return Entity(type_, name, _aliases(members, name), host=canonical_url(name)[1])
    resources = load()
    entry = next((e for m in members if (e := resources.lookup(type_, m.canonical))), None)
    forms = [f for m in members if (f := definition(m))]
    if entry:
        name = entry.name
    elif forms:
        long, short = Counter(forms).most_common(1)[0][0]
        name = short if type_ in ("method", "dataset") and _key(type_, short) not in ambiguous else long
    elif len(members) == 1:  # most names of a long-tail corpus: no Counter to make
        name = members[0].canonical
    else:
        name = Counter(m.canonical for m in members).most_common(1)[0][0]
    return Entity(type_, name, _aliases(members, name))


def _aliases(members: list[Mention], name: str) -> list[str]:
    names = {m.text for m in members} | {m.canonical for m in members}
    names |= {part for m in members for part in (definition(m) or ())}
    return sorted({" ".join(n.split()) for n in names} - {name})  # the text's line breaks are no part of a name
