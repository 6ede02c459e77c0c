"""``kg_urls``: code repositories and other links, made canonical (:mod:`kg.extraction.urls`)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from kg.extraction.components.doc_tables import Candidate, candidates, tokens
from kg.extraction.urls import canonical_url, find_urls


@Language.component("kg_urls")
def find_url_candidates(doc: Doc) -> Doc:
    """Code repositories and other links, canonicalised (``https://github.com/OWNER/REPO``)."""
    table = tokens(doc)
    text, token_starts = table.text, table.starts
    spans = list(find_urls(text))
    if not spans:
        return doc
    for start, end in spans:
        type_, kind, url = canonical_url(text[start:end])
        first = max(bisect_right(token_starts, start) - 1, 0)
        candidates(doc).append(Candidate(type_, start, end, first, bisect_left(token_starts, end), "url", url,
                                         kind=kind))
    return doc

