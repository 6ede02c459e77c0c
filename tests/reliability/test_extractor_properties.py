"""Property-based: the extractor on arbitrary and hostile text: valid offsets, same output twice."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extraction import Extractor
from kg.model import Paper

NAMES = ["BERT", "ImageNet", "ResNet-50", "F1", "https://github.com/a/b{https://github.com/a/b}.",
         "CLIP", "question answering", "SQuAD", "x\"}) MATCH (n) DETACH DELETE n //", "<script>", "\u200b",
         "\u202e", "\U0001F600", "$\\mathcal{O}(n)$", "...", "we propose", "on", "and", ",", "."]
word = st.one_of(st.sampled_from(NAMES), st.text(st.characters(blacklist_categories=("Cs",)), max_size=12))
text = st.lists(word, max_size=40).map(" ".join)
_extractor = Extractor()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=text.filter(str.strip), abstract=text)
def test_offsets_are_valid_and_output_is_deterministic(title, abstract):
    paper = Paper(title=title, abstract=abstract)
    mentions = _extractor.extract(paper)
    for m in mentions:
        assert m.field in ("title", "abstract")
        assert 0 <= m.start < m.end <= len(getattr(paper, m.field))
        assert getattr(paper, m.field)[m.start:m.end] == m.text
    assert _extractor.extract(Paper(title=title, abstract=abstract)) == mentions
    assert list(_extractor.pipe([paper, paper]))[1] == mentions
