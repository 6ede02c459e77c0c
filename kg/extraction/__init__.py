"""Entity extraction: ``Extractor`` finds mentions, :mod:`kg.resolution` canonicalises them.

>>> from kg.extraction import Extractor
"""
from kg.extraction.extractor import Extractor

__all__ = ["Extractor"]
