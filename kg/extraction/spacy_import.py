"""Import spaCy without its command line.

``import spacy`` runs ``from .cli.info import info``, which imports every command of spaCy's CLI
and what they need (typer, weasel, requests, httpx): about 0.45 s of a ``kg extract`` process
that never calls them. :func:`import_spacy` imports spaCy with a stand-in for ``spacy.cli.info``
whose ``info`` imports the real one on first call, and then takes the stand-in away again, so a
later ``import spacy.cli`` imports the real package.
"""
from __future__ import annotations

import sys
import types

_INFO = "spacy.cli.info"


def import_spacy() -> None:
    """Import spaCy, unless it is imported already, leaving its CLI unimported."""
    if "spacy" in sys.modules or _INFO in sys.modules:
        return
    stand_in = types.ModuleType(_INFO)
    stand_in.info = _info
    sys.modules[_INFO] = stand_in
    try:
        import spacy  # noqa: F401
    finally:
        if sys.modules.get(_INFO) is stand_in:
            del sys.modules[_INFO]


def _info(*args, **kwargs):
    """``spacy.info``, importing the CLI on first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)
