"""Entity extraction: ``Extractor`` finds mentions, :mod:`kg.resolution` canonicalises them.

>>> from kg.extraction import Extractor
"""
from kg.extraction.spacy_import import import_spacy

import_spacy()  # before any module below imports spaCy: it would import spaCy's CLI too

from kg.extraction.extractor import Extractor  # noqa: E402

__all__ = ["Extractor"]
