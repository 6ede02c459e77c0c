"""arXiv prints abstracts wrapped at 80 columns: the graph of wrapped abstracts is the graph of the same
abstracts on one line (names, kinds and aliases), so a line break cuts no name, definition or phrase."""
from __future__ import annotations

import json
import textwrap

import kg


def _entity_nodes(papers, folder, wrap: bool) -> set[tuple]:
    path = folder / ("wrapped.jsonl" if wrap else "flat.jsonl")
    with open(path, "w", encoding="utf-8") as handle:
        for n, paper in enumerate(papers):
            text = " ".join((paper.abstract or "").split())
            # at spaces only, as arXiv wraps (2,554 line breaks in 152 CVPR 2024 abstracts, none after a dash)
            abstract = "\n".join(textwrap.wrap(text, 80, break_on_hyphens=False)) if wrap else text
            handle.write(json.dumps({"id": f"p{n}", "title": paper.title, "abstract": abstract}) + "\n")
    G = kg.build([str(path)], workers=1).to_networkx()
    return {(a["label"], a["name"], a.get("kind"), tuple(sorted(a.get("aliases") or ())))
            for _, a in G.nodes(data=True) if a.get("label") in ("Method", "Dataset", "Task", "Metric")}


def test_wrapped_abstracts_make_the_graph_of_flat_ones(seed_papers, tmp_path):
    papers = seed_papers[:150]
    wrapped, flat = _entity_nodes(papers, tmp_path, True), _entity_nodes(papers, tmp_path, False)
    assert len(flat) > 300
    assert not [n for n in wrapped if "\n" in n[1] or any("\n" in alias for alias in n[3])]
    assert wrapped == flat
